package vn.bhyt.fhir;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The instants a FHIR date, dateTime or instant covers, from {@code low} (inclusive) to {@code
 * high} (exclusive): a whole year for {@code 1990}, a month for {@code 1990-05}, a day, a minute, a
 * second or a millisecond. Values without a time zone are read in the facility's zone.
 */
record DateRange(Instant low, Instant high) {
  /** The earliest instant the database stores; earlier values are stored as this. */
  static final Instant MIN = Instant.parse("1000-01-01T00:00:00Z");

  /** The latest instant the database stores: the end of an open period. */
  static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999Z");

  private static final Pattern FHIR_DATE =
      Pattern.compile(
          "(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:T(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?"
              + "(Z|[+-]\\d{2}:\\d{2})?)?)?)?");

  DateRange {
    low = clamp(low);
    high = clamp(high);
  }

  /**
   * Reads a FHIR date or dateTime ({@code yyyy}, {@code yyyy-MM}, {@code yyyy-MM-dd}, {@code
   * yyyy-MM-ddThh:mm[:ss[.fff]][Z|+hh:mm]}).
   *
   * @throws IllegalArgumentException when the text is none of these
   */
  static DateRange parse(String text, ZoneId zone) {
    Matcher m = FHIR_DATE.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a FHIR date or dateTime");
    }
    try {
      int year = Integer.parseInt(m.group(1));
      if (m.group(2) == null) {
        LocalDate first = LocalDate.of(year, 1, 1);
        return days(first, first.plusYears(1), zone);
      }
      int month = Integer.parseInt(m.group(2));
      if (m.group(3) == null) {
        LocalDate first = LocalDate.of(year, month, 1);
        return days(first, first.plusMonths(1), zone);
      }
      LocalDate day = LocalDate.of(year, month, Integer.parseInt(m.group(3)));
      return m.group(4) == null ? days(day, day.plusDays(1), zone) : time(day, m, zone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("not a valid calendar date", e);
    }
  }

  /** The range of a period whose start or end may be unknown (open). */
  static DateRange period(@Nullable DateRange start, @Nullable DateRange end) {
    return new DateRange(start == null ? MIN : start.low, end == null ? MAX : end.high);
  }

  /** The low end as the database stores it: a UTC date-time. */
  LocalDateTime lowUtc() {
    return LocalDateTime.ofInstant(low, ZoneOffset.UTC);
  }

  /** The high end as the database stores it: a UTC date-time. */
  LocalDateTime highUtc() {
    return LocalDateTime.ofInstant(high, ZoneOffset.UTC);
  }

  private static DateRange days(LocalDate from, LocalDate until, ZoneId zone) {
    return new DateRange(from.atStartOfDay(zone).toInstant(), until.atStartOfDay(zone).toInstant());
  }

  private static DateRange time(LocalDate day, Matcher m, ZoneId zone) {
    String seconds = m.group(6);
    String fraction = m.group(7);
    int nanos = fraction == null ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
    LocalDateTime local =
        day.atTime(
            Integer.parseInt(m.group(4)),
            Integer.parseInt(m.group(5)),
            seconds == null ? 0 : Integer.parseInt(seconds),
            nanos - nanos % 1_000_000);
    ZoneId at = m.group(8) == null ? zone : ZoneOffset.of(m.group(8));
    Instant low = local.atZone(at).toInstant();
    Duration width =
        seconds == null
            ? Duration.ofMinutes(1)
            : fraction == null ? Duration.ofSeconds(1) : Duration.ofMillis(1);
    return new DateRange(low, low.plus(width));
  }

  private static Instant clamp(Instant t) {
    return t.isBefore(MIN) ? MIN : t.isAfter(MAX) ? MAX : t;
  }
}
