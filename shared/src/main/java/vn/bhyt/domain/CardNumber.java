package vn.bhyt.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A health insurance card number as presented, normalised but not yet judged.
 *
 * <p>Old cards (before April 2021) carry 15 characters {@code GG L PP NNNNNNNNNN}: group, benefit
 * level, province, social-insurance number. New cards print the 10-digit social-insurance number.
 * Anything else keeps model {@link Model#UNKNOWN}; rules decide what that means.
 */
public record CardNumber(String value, Model model) {
  private static final Pattern OLD = Pattern.compile("[A-Z]{2}[0-9]{3}[0-9A-Z]{10}");
  private static final Pattern OLD_STRICT = Pattern.compile("[A-Z]{2}[1-5][0-9]{2}[0-9]{10}");
  private static final Pattern NEW = Pattern.compile("[0-9]{10}");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** The card model a number belongs to. */
  public enum Model {
    /** 15 characters, issued before 1 April 2021 (model of 2016). */
    OLD("2016"),
    /** 10-digit social-insurance number, issued from 1 April 2021. */
    NEW("2021"),
    UNKNOWN(null);

    private final String code;

    Model(String code) {
      this.code = code;
    }

    /** The model's year as shown in answers, or null when unknown. */
    public String code() {
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
    this(value, null);
  }

  private static Model classify(String value) {
    if (NEW.matcher(value).matches()) {
      return Model.NEW;
    }
    return OLD.matcher(value).matches() ? Model.OLD : Model.UNKNOWN;
  }

  /** A number as typed or scanned: spaces removed, upper case. */
  public static CardNumber of(String text) {
    return new CardNumber(SPACES.matcher(text).replaceAll("").toUpperCase(Locale.ROOT));
  }

  /**
   * Whether an old-model number deviates from the strict form (letters in the number, level 6-7).
   */
  public boolean legacy() {
    return model() == Model.OLD && !OLD_STRICT.matcher(value).matches();
  }

  /** The beneficiary group (characters 1-2) of an old-model number, else null. */
  public String group() {
    return model() == Model.OLD ? value.substring(0, 2) : null;
  }

  /** The benefit level digit (character 3) of an old-model number, else null. */
  public Integer level() {
    return model() == Model.OLD ? value.charAt(2) - '0' : null;
  }

  /** The province of issue (characters 4-5) of an old-model number, else null. */
  public String province() {
    return model() == Model.OLD ? value.substring(3, 5) : null;
  }

  /** The social-insurance number: the last 10 characters of an old number, or the new number. */
  public String ssn() {
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
