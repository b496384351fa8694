package vn.bhyt.claims.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The field readers agree with the patterns and strict formatters that define the forms. */
class ValuesTest {
  static final Pattern NUMBER = Pattern.compile("-?[0-9]+(?:\\.[0-9]+)?");
  static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");
  static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuuMMddHHmm").withResolverStyle(ResolverStyle.STRICT);
  static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

  static List<String> samples() {
    List<String> out =
        new ArrayList<>(
            List.of(
                "",
                "-",
                ".",
                "-.",
                "1.",
                ".5",
                "-0",
                "0.50",
                "714500",
                "1e5",
                " 1",
                "1 ",
                "+1",
                "١٢",
                "1234567890123456789",
                "123456789012345678",
                "-123456789012345678",
                "20240229",
                "20230229",
                "20241301",
                "20240100",
                "20240431",
                "00000101",
                "99991231",
                "202402290000",
                "202402292359",
                "202402292400",
                "202402291260",
                "202302290800",
                "2024022908３0",
                "+2024022908",
                "-0240229"));
    SplittableRandom r = new SplittableRandom(42);
    String alphabet = "0123456789-.+ a";
    for (int i = 0; i < 200_000; i++) {
      StringBuilder b = new StringBuilder();
      int length = r.nextInt(14);
      boolean digits = r.nextBoolean();
      for (int j = 0; j < length; j++) {
        b.append(
            digits && r.nextInt(20) > 0
                ? (char) ('0' + r.nextInt(10))
                : alphabet.charAt(r.nextInt(alphabet.length())));
      }
      out.add(b.toString());
    }
    for (int i = 0; i < 20_000; i++) {
      out.add(
          String.format(
              "%04d%02d%02d%02d%02d",
              r.nextInt(10_000), r.nextInt(14), r.nextInt(33), r.nextInt(26), r.nextInt(62)));
      out.add(String.format("%04d%02d%02d", r.nextInt(10_000), r.nextInt(14), r.nextInt(33)));
    }
    return out;
  }

  @Test
  void readersAgreeWithTheirDefinitions() {
    for (String s : samples()) {
      assertThat(Values.decimal(s))
          .as("decimal %s", s)
          .isEqualTo(NUMBER.matcher(s).matches() ? new BigDecimal(s) : null);
      assertThat(Values.isInteger(s)).as("integer %s", s).isEqualTo(INTEGER.matcher(s).matches());
      assertThat(Values.dateTime(s)).as("date-time %s", s).isEqualTo(dateTime(s));
      assertThat(Values.date(s)).as("date %s", s).isEqualTo(date(s));
    }
    assertThat(Values.decimal(null)).isNull();
    assertThat(Values.isInteger(null)).isFalse();
    assertThat(Values.dateTime(null)).isNull();
    assertThat(Values.date(null)).isNull();
  }

  static LocalDateTime dateTime(String s) {
    try {
      return s.length() == 12 ? LocalDateTime.parse(s, DATE_TIME) : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static LocalDate date(String s) {
    try {
      return s.length() == 8 ? LocalDate.parse(s, DATE) : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
