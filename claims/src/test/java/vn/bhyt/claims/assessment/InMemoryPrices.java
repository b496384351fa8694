package vn.bhyt.claims.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A price catalogue held in a map, one price per code whatever the day, for tests. */
final class InMemoryPrices implements PriceCatalogue {
  private final Map<String, BigDecimal> prices = new HashMap<>();

  InMemoryPrices price(String code, String price) {
    prices.put(code, new BigDecimal(price));
    return this;
  }

  @Override
  public Optional<BigDecimal> price(String code, LocalDate day) {
    return Optional.ofNullable(prices.get(code));
  }
}
