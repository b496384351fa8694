package vn.bhyt.domain;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A health insurance card number as presented, normalised but not yet judged.
 *
 * <p>Old cards (before April 2021) carry 15 characters {@code GG L PP NNNNNNNNNN}: group, benefit
 * level, province, social-insurance number. New cards print the 10-digit social-insurance number.
 * Anything else keeps model {@link Model#UNKNOWN}; rules decide what that means.
 */
public record CardNumber(String value, Model model) {
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** The card model a number belongs to. */
  public enum Model {
    /** 15 characters, issued before 1 April 2021 (model of 2016). */
    OLD("2016"),
    /** 10-digit social-insurance number, issued from 1 April 2021. */
    NEW("2021"),
    UNKNOWN(null);

    private final @Nullable String code;

    Model(@Nullable String code) {
      this.code = code;
    }

    /** The model's year as shown in answers, or null when unknown. */
    public @Nullable String code() {
      return code;
    }
  }

  /** A number and its model, which is always derived from the number. */
  public CardNumber {
    if (value == null) {
      throw new IllegalArgumentException("card number: null");
    }
    model = classify(value);
  }

  /** A number exactly as given. */
  public CardNumber(String value) {
    this(value, classify(value));
  }

  /** {@code [0-9]{10}}: new; {@code [A-Z]{2}[0-9]{3}[0-9A-Z]{10}}: old. */
  private static Model classify(String v) {
    if (v.length() == 10 && all(v, 0, 10, CardNumber::digit)) {
      return Model.NEW;
    }
    boolean old =
        v.length() == 15
            && all(v, 0, 2, CardNumber::letter)
            && all(v, 2, 5, CardNumber::digit)
            && all(v, 5, 15, CardNumber::digitOrLetter);
    return old ? Model.OLD : Model.UNKNOWN;
  }

  private static boolean all(String v, int from, int to, CharPredicate p) {
    for (int i = from; i < to; i++) {
      if (!p.test(v.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean letter(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean digitOrLetter(char c) {
    return digit(c) || letter(c);
  }

  private interface CharPredicate {
    boolean test(char c);
  }

  /** A number as typed or scanned: white space removed, upper case. */
  public static CardNumber of(String text) {
    // most numbers come in canonical form already
    if (all(text, 0, text.length(), CardNumber::digitOrLetter)) {
      return new CardNumber(text);
    }
    return new CardNumber(SPACES.matcher(text).replaceAll("").toUpperCase(Locale.ROOT));
  }

  /**
   * Whether an old-model number deviates from the strict form (letters in the number, level 6-7).
   */
  public boolean legacy() {
    return model() == Model.OLD
        && !(value.charAt(2) >= '1'
            && value.charAt(2) <= '5'
            && all(value, 5, 15, CardNumber::digit));
  }

  /** The beneficiary group (characters 1-2) of an old-model number, else null. */
  public @Nullable String group() {
    return model() == Model.OLD ? value.substring(0, 2) : null;
  }

  /** The benefit level digit (character 3) of an old-model number, else null. */
  public @Nullable Integer level() {
    return model() == Model.OLD ? value.charAt(2) - '0' : null;
  }

  /** The province of issue (characters 4-5) of an old-model number, else null. */
  public @Nullable String province() {
    return model() == Model.OLD ? value.substring(3, 5) : null;
  }

  /** The social-insurance number: the last 10 characters of an old number, or the new number. */
  public @Nullable String ssn() {
    return switch (model()) {
      case OLD -> value.substring(5);
      case NEW -> value;
      case UNKNOWN -> null;
    };
  }

  @Override
  public String toString() {
    return value;
  }
}
