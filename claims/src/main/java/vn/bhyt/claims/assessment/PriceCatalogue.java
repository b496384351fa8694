package vn.bhyt.claims.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** The insured unit prices of drugs, services and supplies, by code and day. */
@FunctionalInterface
public interface PriceCatalogue {

  /** The insured unit price of a code on a day, when the catalogue lists it. */
  Optional<BigDecimal> price(String code, LocalDate day);

  /** A catalogue that lists nothing. */
  static PriceCatalogue none() {
    return (code, day) -> Optional.empty();
  }
}
