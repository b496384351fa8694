package vn.bhyt.claims.assessment;

import java.math.BigDecimal;

/**
 * A claim's amounts summed over its lines (each to 2 decimals): what the gateway holds the summary
 * row's totals to.
 *
 * @param hospital Σ {@code THANH_TIEN_BV}
 * @param insured Σ {@code THANH_TIEN_BH}
 * @param fundShare Σ {@code T_BHTT}
 * @param coPayment Σ {@code T_BNCCT}
 * @param patientPaid Σ {@code T_BNTT}
 * @param otherSources Σ {@code T_NGUONKHAC}
 */
public record Totals(
    BigDecimal hospital,
    BigDecimal insured,
    BigDecimal fundShare,
    BigDecimal coPayment,
    BigDecimal patientPaid,
    BigDecimal otherSources) {

  /** The sums over a claim's lines; a line whose amount cannot be read adds nothing. */
  public static Totals of(ClaimFacts claim) {
    return new Totals(
        claim.sum(l -> l.decimal("THANH_TIEN_BV")),
        claim.sum(l -> l.decimal("THANH_TIEN_BH")),
        claim.sum(l -> l.decimal("T_BHTT")),
        claim.sum(l -> l.decimal("T_BNCCT")),
        claim.sum(l -> l.decimal("T_BNTT")),
        claim.sum(l -> l.decimal("T_NGUONKHAC")));
  }
}
