package vn.bhyt.domain;

import java.util.Locale;

/** Sex as recorded on the card. */
public enum Sex {
  MALE,
  FEMALE;

  private final String code = name().toLowerCase(Locale.ROOT);

  /** The lower-case name used in files and JSON: {@code male} or {@code female}. */
  public String code() {
    return code;
  }

  /**
   * Parses {@code male} or {@code female}.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static Sex parse(String code) {
    return switch (code.strip().toLowerCase(Locale.ROOT)) {
      case "male" -> MALE;
      case "female" -> FEMALE;
      default -> throw new IllegalArgumentException("sex: '" + code + "' (expected: male|female)");
    };
  }
}
