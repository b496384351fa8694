package vn.bhyt.claims.assessment;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A period in which the registry holds a card valid.
 *
 * @param to the last valid day, or null when the registry gives no end (new-model cards)
 * @param benefitLevel the level in that period (1–5), or null when unknown
 */
public record CardPeriod(LocalDate from, @Nullable LocalDate to, @Nullable Integer benefitLevel) {
  public CardPeriod {
    Objects.requireNonNull(from, "from");
    if (to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("to: " + to + " (expected: on or after " + from + ")");
    }
  }

  public boolean covers(LocalDate day) {
    return !day.isBefore(from) && (to == null || !day.isAfter(to));
  }
}
