package vn.bhyt.claims.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The amounts of one drug, service or supply line, by the XML 130 formulas (checked against a real
 * submitted file):
 *
 * <pre>
 * THANH_TIEN_BV = SO_LUONG × DON_GIA_BV
 * THANH_TIEN_BH = SO_LUONG × DON_GIA_BH × TYLE_TT_DV/100 × TYLE_TT_BH/100
 * T_BNTT        = THANH_TIEN_BV − THANH_TIEN_BH
 * T_BHTT        = (THANH_TIEN_BH − T_NGUONKHAC) × MUC_HUONG/100
 * T_BNCCT       = THANH_TIEN_BH − T_NGUONKHAC − T_BHTT
 * </pre>
 *
 * <p>Each product is computed exactly and rounded once to 2 decimals, {@link RoundingMode#HALF_UP};
 * the differences of rounded amounts are exact. So fund share + co-payment + other sources equals
 * the insured amount, and patient-paid + insured equals the hospital amount, to the hundredth of a
 * dong, and a rounded amount is never more than half a hundredth from the exact one. A claim's
 * amount matches when it is within {@link #TOLERANCE} (1 VND) of the computed one; a sum of n lines
 * within n VND ({@link #tolerance(int)}).
 *
 * @param hospital {@code THANH_TIEN_BV}
 * @param insured {@code THANH_TIEN_BH}
 * @param patientPaid {@code T_BNTT}
 * @param fundShare {@code T_BHTT}
 * @param coPayment {@code T_BNCCT}
 * @param otherSources {@code T_NGUONKHAC}
 */
public record LineMoney(
    BigDecimal hospital,
    BigDecimal insured,
    BigDecimal patientPaid,
    BigDecimal fundShare,
    BigDecimal coPayment,
    BigDecimal otherSources) {

  /** How far a line's amount may be from the computed one: 1 VND. */
  public static final BigDecimal TOLERANCE = BigDecimal.ONE;

  public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /**
   * A line's amounts from its quantity, prices and rates.
   *
   * @param serviceRatio {@code TYLE_TT_DV}, percent (100 when the line has none)
   * @param insuredRatio {@code TYLE_TT_BH}, percent (100 when the line has none)
   * @param benefit {@code MUC_HUONG}, percent
   */
  public static LineMoney of(
      BigDecimal quantity,
      BigDecimal hospitalPrice,
      BigDecimal insuredPrice,
      BigDecimal serviceRatio,
      BigDecimal insuredRatio,
      BigDecimal otherSources,
      BigDecimal benefit) {
    BigDecimal hospital = hospital(quantity, hospitalPrice);
    BigDecimal insured = insured(quantity, insuredPrice, serviceRatio, insuredRatio);
    BigDecimal other = round(otherSources);
    BigDecimal fund = fundShare(insured, other, benefit);
    return new LineMoney(
        hospital,
        insured,
        hospital.subtract(insured),
        fund,
        coPayment(insured, other, fund),
        other);
  }

  /** {@code THANH_TIEN_BV = SO_LUONG × DON_GIA_BV}, rounded. */
  public static BigDecimal hospital(BigDecimal quantity, BigDecimal price) {
    return round(quantity.multiply(price));
  }

  /** {@code THANH_TIEN_BH = SO_LUONG × DON_GIA_BH × TYLE_TT_DV/100 × TYLE_TT_BH/100}, rounded. */
  public static BigDecimal insured(
      BigDecimal quantity, BigDecimal price, BigDecimal serviceRatio, BigDecimal insuredRatio) {
    return round(
        quantity.multiply(price).multiply(serviceRatio).multiply(insuredRatio).movePointLeft(4));
  }

  /** {@code T_BHTT = (THANH_TIEN_BH − T_NGUONKHAC) × MUC_HUONG/100}, rounded. */
  public static BigDecimal fundShare(
      BigDecimal insured, BigDecimal otherSources, BigDecimal benefit) {
    return round(insured.subtract(otherSources).multiply(benefit).movePointLeft(2));
  }

  /** {@code T_BNCCT = THANH_TIEN_BH − T_NGUONKHAC − T_BHTT}. */
  public static BigDecimal coPayment(
      BigDecimal insured, BigDecimal otherSources, BigDecimal fundShare) {
    return round(insured.subtract(otherSources).subtract(fundShare));
  }

  /** An amount to 2 decimals, half up. */
  public static BigDecimal round(BigDecimal amount) {
    return Objects.requireNonNull(amount, "amount").setScale(2, RoundingMode.HALF_UP);
  }

  /** The tolerance for a sum of that many lines: 1 VND a line, at least 1 VND. */
  public static BigDecimal tolerance(int lines) {
    return BigDecimal.valueOf(Math.max(1, lines));
  }

  /** Whether a claimed amount is within the tolerance of the computed one. */
  public static boolean matches(BigDecimal claimed, BigDecimal computed, BigDecimal tolerance) {
    return claimed.subtract(computed).abs().compareTo(tolerance) <= 0;
  }
}
