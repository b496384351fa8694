package vn.bhyt.claims.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How claim fields are written: numbers with a point, dates {@code yyyyMMdd}, date-times {@code
 * yyyyMMddHHmm}, birth dates that may be a year alone, lists joined by {@code ;}. Every reader
 * returns null for text that is absent or not of its form.
 */
final class Values {
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(?:\\.[0-9]+)?");
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuuMMddHHmm").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

  private Values() {}

  /** A decimal number such as {@code 714500} or {@code 0.5}. */
  static BigDecimal decimal(String text) {
    return text != null && NUMBER.matcher(text).matches() ? new BigDecimal(text) : null;
  }

  /** Whether the text is a whole number of at most 18 digits. */
  static boolean isInteger(String text) {
    return text != null && INTEGER.matcher(text).matches();
  }

  /** A date-time {@code yyyyMMddHHmm}. */
  static LocalDateTime dateTime(String text) {
    if (text == null || text.length() != 12) {
      return null;
    }
    try {
      return LocalDateTime.parse(text, DATE_TIME);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A date {@code yyyyMMdd}. */
  static LocalDate date(String text) {
    if (text == null || text.length() != 8) {
      return null;
    }
    try {
      return LocalDate.parse(text, DATE);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * Whether the text is a birth date: {@code yyyyMMddHHmm}, {@code yyyyMMdd} or a year {@code
   * yyyy}.
   */
  static boolean isBirthDate(String text) {
    if (text == null) {
      return false;
    }
    return switch (text.length()) {
      case 4 -> text.chars().allMatch(Character::isDigit) && !text.startsWith("0");
      case 8 -> date(text) != null;
      case 12 -> dateTime(text) != null;
      default -> false;
    };
  }

  /** The items of a {@code ;}-joined list, stripped; empty for null. */
  static List<String> list(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split(";", -1)).map(String::strip).toList();
  }
}
