package vn.bhyt.domain;

import java.util.Locale;

/** The kind of visit the card is checked for. */
public enum VisitKind {
  OUTPATIENT,
  INPATIENT,
  EMERGENCY;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code outpatient|inpatient|emergency}.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static VisitKind parse(String code) {
    for (VisitKind kind : values()) {
      if (kind.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "visit kind: '" + code + "' (expected: outpatient|inpatient|emergency)");
  }
}
