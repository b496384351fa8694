package vn.bhyt.claims.fhirclaim;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Money;
import org.jspecify.annotations.Nullable;

/**
 * Conversions between XML 130 field texts and FHIR values. Each reading of a text gives a value
 * only when the text is well formed; the mappers keep the text in an extension as well whenever
 * writing the value back would not give the same text.
 */
final class FieldText {
  /** The facility's wall clock: XML 130 times carry no offset. */
  static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("uuuuMMddHHmm").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter ISO_SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
  private static final Pattern DIGITS_12 = Pattern.compile("\\d{12}");
  private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,16}(\\.\\d{1,6})?");

  private FieldText() {}

  /** A {@code yyyyMMddHHmm} text as a dateTime at +07:00. */
  static Optional<DateTimeType> dateTime(@Nullable String text) {
    return minutes(text).map(t -> new DateTimeType(ISO_SECONDS.format(t.atOffset(VIETNAM))));
  }

  /** A {@code yyyyMMddHHmm} text as the date it falls on. */
  static Optional<DateType> date(@Nullable String text) {
    return minutes(text).map(t -> new DateType(t.toLocalDate().toString()));
  }

  /** A date or dateTime as {@code yyyyMMddHHmm} on the facility's clock; midnight for a date. */
  static String text(BaseDateTimeType value) {
    if (dayOrCoarser(value.getPrecision())) {
      LocalDate day = LocalDate.of(value.getYear(), value.getMonth() + 1, value.getDay());
      return MINUTES.format(day.atStartOfDay());
    }
    return MINUTES.format(value.getValue().toInstant().atOffset(VIETNAM));
  }

  /** Whether a precision goes no finer than the day: a year, a month or a day. */
  private static boolean dayOrCoarser(TemporalPrecisionEnum precision) {
    return switch (precision) {
      case YEAR, MONTH, DAY -> true;
      case MINUTE, SECOND, MILLI -> false;
    };
  }

  /** A plain decimal text as a number. */
  static Optional<BigDecimal> decimal(@Nullable String text) {
    return text != null && DECIMAL.matcher(text).matches()
        ? Optional.of(new BigDecimal(text))
        : Optional.empty();
  }

  /** A plain decimal text as an amount in VND. */
  static Optional<Money> money(@Nullable String text) {
    return decimal(text).map(FieldText::money);
  }

  static Money money(BigDecimal amount) {
    return new Money().setValue(amount).setCurrency(ClaimCodes.CURRENCY);
  }

  /** A number as the text XML 130 writes: plain, with the scale it has. */
  static String text(BigDecimal value) {
    return value.toPlainString();
  }

  /** The day of a {@code yyyyMMddHHmm} text, when it is well formed. */
  static Optional<LocalDate> day(@Nullable String text) {
    return minutes(text).map(LocalDateTime::toLocalDate);
  }

  private static Optional<LocalDateTime> minutes(@Nullable String text) {
    if (text == null || !DIGITS_12.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDateTime.parse(text, MINUTES));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
