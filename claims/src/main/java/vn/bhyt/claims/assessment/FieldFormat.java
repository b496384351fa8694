package vn.bhyt.claims.assessment;

import java.util.Locale;

/** How a claim field is written. */
public enum FieldFormat {
  TEXT,
  INTEGER,
  DECIMAL,
  /** {@code yyyyMMddHHmm}. */
  DATETIME,
  /** {@code yyyyMMdd}. */
  DATE,
  /** {@code yyyyMMdd} dates joined by {@code ;}. */
  DATES,
  /** {@code yyyyMMddHHmm}, {@code yyyyMMdd} or a year {@code yyyy}. */
  BIRTH;

  /** Whether a present value has this format. */
  public boolean accepts(String text) {
    return switch (this) {
      case TEXT -> true;
      case INTEGER -> Values.isInteger(text);
      case DECIMAL -> Values.isDecimal(text);
      case DATETIME -> Values.dateTime(text) != null;
      case DATE -> Values.date(text) != null;
      case DATES -> Values.list(text).stream().allMatch(d -> Values.date(d) != null);
      case BIRTH -> Values.isBirthDate(text);
    };
  }

  /**
   * Parses the lower-case name.
   *
   * @throws IllegalArgumentException for an unknown format
   */
  public static FieldFormat parse(String code) {
    for (FieldFormat f : values()) {
      if (f.name().toLowerCase(Locale.ROOT).equals(code.strip())) {
        return f;
      }
    }
    throw new IllegalArgumentException("format: '" + code + "' (unknown)");
  }
}
