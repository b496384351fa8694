package vn.bhyt.claims.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PricePeriodTest {
  static final LocalDate JAN_2024 = LocalDate.of(2024, 1, 1);
  static final LocalDate JUL_2025 = LocalDate.of(2025, 7, 1);

  @Test
  void ofThePeriodsCoveringADayTheLatestStartWins() {
    List<PricePeriod> periods =
        List.of(
            new PricePeriod(JUL_2025, LocalDate.of(2025, 12, 31), new BigDecimal("120.00")),
            new PricePeriod(JAN_2024, null, new BigDecimal("100.00")));
    assertThat(PricePeriod.on(periods, JAN_2024.minusDays(1))).isEmpty();
    assertThat(PricePeriod.on(periods, JAN_2024)).contains(new BigDecimal("100.00"));
    assertThat(PricePeriod.on(periods, JUL_2025.minusDays(1))).contains(new BigDecimal("100.00"));
    assertThat(PricePeriod.on(periods, JUL_2025)).contains(new BigDecimal("120.00"));
    assertThat(PricePeriod.on(periods, LocalDate.of(2025, 12, 31)))
        .contains(new BigDecimal("120.00"));
    assertThat(PricePeriod.on(periods, LocalDate.of(2026, 1, 1)))
        .contains(new BigDecimal("100.00"));
    assertThat(PricePeriod.on(List.of(), JAN_2024)).isEmpty();
  }
}
