package vn.bhyt.claims.claim;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The money of one claim line by the reference formulas, every amount rounded to 2 decimals (half
 * up):
 *
 * <pre>
 * THANH_TIEN_BV = SO_LUONG × DON_GIA_BV
 * THANH_TIEN_BH = SO_LUONG × DON_GIA_BH × TYLE_TT_DV/100 × TYLE_TT_BH/100
 * T_BNTT        = THANH_TIEN_BV − THANH_TIEN_BH
 * T_BHTT        = (THANH_TIEN_BH − T_NGUONKHAC) × MUC_HUONG/100
 * T_BNCCT       = THANH_TIEN_BH − T_NGUONKHAC − T_BHTT
 * </pre>
 *
 * @param quantity {@code SO_LUONG}
 * @param hospitalPrice {@code DON_GIA_BV} ({@code DON_GIA} on a drug line)
 * @param insuredPrice {@code DON_GIA_BH} ({@code DON_GIA} on a drug line)
 * @param serviceRatio {@code TYLE_TT_DV} (100 on a drug line)
 * @param insuranceRatio {@code TYLE_TT_BH}
 * @param otherSources {@code T_NGUONKHAC}
 * @param benefit {@code MUC_HUONG}
 */
public record LineMoney(
    BigDecimal quantity,
    BigDecimal hospitalPrice,
    BigDecimal insuredPrice,
    int serviceRatio,
    int insuranceRatio,
    BigDecimal otherSources,
    int benefit) {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** {@code THANH_TIEN_BV}. */
  public BigDecimal hospitalAmount() {
    return money(quantity.multiply(hospitalPrice));
  }

  /** {@code THANH_TIEN_BH}. */
  public BigDecimal insuredAmount() {
    return money(
        quantity
            .multiply(insuredPrice)
            .multiply(BigDecimal.valueOf(serviceRatio))
            .multiply(BigDecimal.valueOf(insuranceRatio))
            .divide(HUNDRED.multiply(HUNDRED)));
  }

  /** {@code T_BNTT}: what the patient pays outside the insured amount. */
  public BigDecimal patientPaid() {
    return hospitalAmount().subtract(insuredAmount());
  }

  /** {@code T_BHTT}: what the fund pays. */
  public BigDecimal fundPaid() {
    return money(
        insuredAmount()
            .subtract(otherSources)
            .multiply(BigDecimal.valueOf(benefit))
            .divide(HUNDRED));
  }

  /** {@code T_BNCCT}: the patient's co-payment. */
  public BigDecimal coPayment() {
    return insuredAmount().subtract(otherSources).subtract(fundPaid());
  }

  /** An amount as claims write it: 2 decimals, half up. */
  public static BigDecimal money(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }
}
