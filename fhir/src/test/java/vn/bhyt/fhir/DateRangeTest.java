package vn.bhyt.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DateRangeTest {
  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

  @Test
  void partialDatesCoverTheirYearMonthOrDayInTheFacilitysZone() {
    assertThat(DateRange.parse("1990", VN))
        .isEqualTo(range("1989-12-31T17:00:00Z", "1990-12-31T17:00:00Z"));
    assertThat(DateRange.parse("1990-02", VN))
        .isEqualTo(range("1990-01-31T17:00:00Z", "1990-02-28T17:00:00Z"));
    assertThat(DateRange.parse("2024-02-29", VN))
        .isEqualTo(range("2024-02-28T17:00:00Z", "2024-02-29T17:00:00Z"));
  }

  @Test
  void timesCoverTheirPrecisionAndKeepTheirOffset() {
    assertThat(DateRange.parse("2026-11-23T08:15", VN))
        .isEqualTo(range("2026-11-23T01:15:00Z", "2026-11-23T01:16:00Z"));
    assertThat(DateRange.parse("2026-11-23T08:15:30+07:00", VN))
        .isEqualTo(range("2026-11-23T01:15:30Z", "2026-11-23T01:15:31Z"));
    assertThat(DateRange.parse("2026-11-23T01:15:30.25Z", VN))
        .isEqualTo(range("2026-11-23T01:15:30.250Z", "2026-11-23T01:15:30.251Z"));
  }

  @Test
  void openPeriodsReachTheStoredLimits() {
    DateRange start = DateRange.parse("2026-11-23", VN);
    assertThat(DateRange.period(start, null).high()).isEqualTo(DateRange.MAX);
    assertThat(DateRange.period(null, start).low()).isEqualTo(DateRange.MIN);
    assertThat(DateRange.parse("0900", VN).low()).isEqualTo(DateRange.MIN);
  }

  @Test
  void rejectsWhatIsNotAFhirDate() {
    for (String bad : new String[] {"", "90", "1990-13", "1990-02-30", "23/11/2026", "1990-1-1"}) {
      assertThatThrownBy(() -> DateRange.parse(bad, VN))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static DateRange range(String low, String high) {
    return new DateRange(Instant.parse(low), Instant.parse(high));
  }
}
