package vn.bhyt.verifier.rules;

import java.util.Locale;

/** How much a finding weighs: it makes the card invalid, asks for care, or only informs. */
public enum Severity {
  INVALID,
  WARNING,
  INFO;

  private final String code = name().toLowerCase(Locale.ROOT);

  /** The severity as answers write it: {@code invalid}, {@code warning} or {@code info}. */
  public String code() {
    return code;
  }
}
