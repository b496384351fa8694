package vn.bhyt.claims.assessment;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How claim fields are written: numbers with a point, dates {@code yyyyMMdd}, date-times {@code
 * yyyyMMddHHmm}, birth dates that may be a year alone, lists joined by {@code ;}. Every reader
 * returns null for text that is absent or not of its form.
 */
final class Values {
  private Values() {}

  /** A decimal number such as {@code 714500} or {@code 0.5}. */
  static @Nullable BigDecimal decimal(@Nullable String text) {
    return isDecimal(text) ? new BigDecimal(text) : null;
  }

  /** Whether the text is a decimal number: {@code -?[0-9]+(\.[0-9]+)?}. */
  static boolean isDecimal(@Nullable String text) {
    if (text == null) {
      return false;
    }
    int n = text.length();
    int i = n > 0 && text.charAt(0) == '-' ? 1 : 0;
    int whole = digits(text, i);
    if (whole == 0) {
      return false;
    }
    i += whole;
    if (i == n) {
      return true;
    }
    if (text.charAt(i) != '.') {
      return false;
    }
    int fraction = digits(text, i + 1);
    return fraction > 0 && i + 1 + fraction == n;
  }

  /** Whether the text is a whole number of at most 18 digits: {@code -?[0-9]{1,18}}. */
  static boolean isInteger(@Nullable String text) {
    if (text == null) {
      return false;
    }
    int i = !text.isEmpty() && text.charAt(0) == '-' ? 1 : 0;
    int count = digits(text, i);
    return count >= 1 && count <= 18 && i + count == text.length();
  }

  /** How many ASCII digits the text has from a position on. */
  private static int digits(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    return i - from;
  }

  /** The value of the ASCII digits from a position to another, or -1 when one is not a digit. */
  private static int number(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char ch = text.charAt(i);
      if (ch < '0' || ch > '9') {
        return -1;
      }
      value = value * 10 + (ch - '0');
    }
    return value;
  }

  /** A date-time {@code yyyyMMddHHmm}. */
  static @Nullable LocalDateTime dateTime(@Nullable String text) {
    if (text == null || text.length() != 12) {
      return null;
    }
    LocalDate day = date(text.substring(0, 8));
    int hour = number(text, 8, 10);
    int minute = number(text, 10, 12);
    if (day == null || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
      return null;
    }
    return day.atTime(hour, minute);
  }

  /** A date {@code yyyyMMdd}. */
  static @Nullable LocalDate date(@Nullable String text) {
    if (text == null || text.length() != 8) {
      return null;
    }
    int year = number(text, 0, 4);
    int month = number(text, 4, 6);
    int day = number(text, 6, 8);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
      return null;
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * Whether the text is a birth date: {@code yyyyMMddHHmm}, {@code yyyyMMdd} or a year {@code
   * yyyy}.
   */
  static boolean isBirthDate(@Nullable String text) {
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
  static List<String> list(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split(";", -1)).map(String::strip).toList();
  }
}
