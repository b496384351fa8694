package vn.bhyt.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A date that may be known only to the year, as birth dates on many health insurance cards are.
 *
 * <p>Written as ISO {@code yyyy-MM-dd} or {@code yyyy}.
 */
public final class PartialDate {
  private final int year;
  private final @Nullable LocalDate date;

  private PartialDate(int year, @Nullable LocalDate date) {
    this.year = year;
    this.date = date;
  }

  /**
   * A full date.
   *
   * @throws IllegalArgumentException when its year is outside 1000 to 9999
   */
  public static PartialDate of(LocalDate date) {
    return new PartialDate(checkedYear(date.getYear()), Objects.requireNonNull(date, "date"));
  }

  /** A date known only to the year. */
  public static PartialDate ofYear(int year) {
    return new PartialDate(checkedYear(year), null);
  }

  private static int checkedYear(int year) {
    if (year < 1000 || year > 9999) {
      throw new IllegalArgumentException("year: " + year + " (expected: 1000..9999)");
    }
    return year;
  }

  /**
   * Parses {@code yyyy-MM-dd} or {@code yyyy}, with a year from 1000 to 9999 in both forms.
   *
   * @throws DateTimeException when the text is neither
   * @throws IllegalArgumentException when its year is outside 1000 to 9999
   */
  public static PartialDate parse(String text) {
    String t = text.strip();
    if (t.length() == 4 && t.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return ofYear(Integer.parseInt(t));
    }
    return of(LocalDate.parse(t));
  }

  public int year() {
    return year;
  }

  /** The full date, or null when only the year is known. */
  public @Nullable LocalDate date() {
    return date;
  }

  public boolean yearOnly() {
    return date == null;
  }

  /**
   * Whether two dates denote the same day, comparing only years when either side has only a year.
   */
  public boolean sameAs(PartialDate other) {
    if (date == null || other.date == null) {
      return year == other.year;
    }
    return date.equals(other.date);
  }

  /** The person's age in whole years on a day (from 1 January when only the year is known). */
  public int ageOn(LocalDate day) {
    LocalDate birth = date == null ? LocalDate.of(year, 1, 1) : date;
    return java.time.Period.between(birth, day).getYears();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof PartialDate other && year == other.year && Objects.equals(date, other.date);
  }

  @Override
  public int hashCode() {
    return Objects.hash(year, date);
  }

  @Override
  public String toString() {
    return date == null ? String.format("%04d", year) : date.toString();
  }
}
