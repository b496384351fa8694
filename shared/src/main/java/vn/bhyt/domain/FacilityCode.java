package vn.bhyt.domain;

/**
 * A health facility code: 2-digit province and 3 characters, such as {@code 79034}.
 *
 * <p>Cards print it as {@code 79 - 034} (sometimes with an en dash); claims write {@code 79034}.
 */
public record FacilityCode(String value) {
  public FacilityCode {
    if (!wellFormed(value)) {
      throw new IllegalArgumentException("facility code: '" + value + "' (expected: 5 characters)");
    }
  }

  /**
   * Parses a facility code in either the card's or the claim's writing.
   *
   * @throws IllegalArgumentException when it is not 2 digits and 3 characters
   */
  public static FacilityCode parse(String text) {
    StringBuilder code = new StringBuilder(5);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isSeparator(c)) {
        code.append(Character.toUpperCase(c));
      }
    }
    return new FacilityCode(code.toString());
  }

  private static boolean isSeparator(char c) {
    return Character.isWhitespace(c) || c == '-' || c == '\u2013' || c == '\u2014';
  }

  private static boolean wellFormed(String value) {
    if (value.length() != 5) {
      return false;
    }
    for (int i = 0; i < 5; i++) {
      char c = value.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || (i >= 2 && c >= 'A' && c <= 'Z');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The province part, characters 1-2. */
  public String province() {
    return value.substring(0, 2);
  }

  @Override
  public String toString() {
    return value;
  }
}
