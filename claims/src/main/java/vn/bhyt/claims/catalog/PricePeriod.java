package vn.bhyt.claims.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A stored price of a code over a period.
 *
 * @param to the last day, or null when open
 */
record PricePeriod(LocalDate from, @Nullable LocalDate to, BigDecimal price) {

  boolean covers(LocalDate day) {
    return !day.isBefore(from) && (to == null || !day.isAfter(to));
  }

  /**
   * The price on a day: of the periods that cover it, the one that starts latest.
   *
   * @param periods a code's periods, latest start first
   */
  static Optional<BigDecimal> on(List<PricePeriod> periods, LocalDate day) {
    for (PricePeriod p : periods) {
      if (p.covers(day)) {
        return Optional.of(p.price());
      }
    }
    return Optional.empty();
  }
}
