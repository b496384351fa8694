package vn.bhyt.claims.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One row of the insured price list: the insured unit price of a drug, service or supply code over
 * a period.
 *
 * @param name the item's name, or null
 * @param unit the unit the price is for ({@code DON_VI_TINH}), or null
 * @param price the insured unit price in VND, with 2 decimals
 * @param validTo the last day the price applies, or null when it has no end
 * @param group the cost group ({@code MA_NHOM}), or null
 */
public record PriceItem(
    String code,
    @Nullable String name,
    @Nullable String unit,
    BigDecimal price,
    LocalDate validFrom,
    @Nullable LocalDate validTo,
    @Nullable Integer group) {

  public PriceItem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(validFrom, "validFrom");
    if (price.signum() < 0 || price.scale() != 2) {
      throw new IllegalArgumentException("price: " + price + " (expected: >= 0 with 2 decimals)");
    }
    if (validTo != null && validTo.isBefore(validFrom)) {
      throw new IllegalArgumentException(
          "validTo: " + validTo + " (expected: on or after " + validFrom + ")");
    }
  }
}
