package vn.bhyt.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A health facility code: 2-digit province and 3 characters, such as {@code 79034}.
 *
 * <p>Cards print it as {@code 79 - 034} (sometimes with an en dash); claims write {@code 79034}.
 */
public record FacilityCode(String value) {
  private static final Pattern FORM = Pattern.compile("[0-9]{2}[0-9A-Z]{3}");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-\\u2013\\u2014]");

  public FacilityCode {
    if (!FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("facility code: '" + value + "' (expected: 5 characters)");
    }
  }

  /**
   * Parses a facility code in either the card's or the claim's writing.
   *
   * @throws IllegalArgumentException when it is not 2 digits and 3 characters
   */
  public static FacilityCode parse(String text) {
    return new FacilityCode(SEPARATORS.matcher(text).replaceAll("").toUpperCase(Locale.ROOT));
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
