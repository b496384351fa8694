package vn.bhyt.claims.assessment;

import java.util.Locale;

/** How much a finding weighs for the claim's fate. */
public enum Severity {
  /** The claim is not forwarded until it is corrected. */
  CRITICAL,
  /** The claim goes to the inspectors before it is forwarded. */
  WARNING,
  /** Noted; the claim goes on. */
  INFO;

  /** The lower-case name used in JSON: {@code critical}, {@code warning}, {@code info}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code critical|warning|info}.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static Severity parse(String code) {
    for (Severity s : values()) {
      if (s.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "severity: '" + code + "' (expected: critical|warning|info)");
  }
}
