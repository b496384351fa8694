package vn.bhyt.claims.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Checks the summary's identities: {@code T_TONGCHI_BV = T_TONGCHI_BH + T_BNTT} and {@code
 * T_TONGCHI_BH = T_BHTT + T_BNCCT + T_NGUONKHAC} (an absent {@code T_NGUONKHAC} counts as 0),
 * within 1 VND per line of the claim.
 */
final class MoneyIdentityRule implements Rule {
  private static final RuleInfo INFO =
      new RuleInfo(
          "money.identities",
          1,
          LocalDate.of(2018, 1, 1),
          null,
          Severity.CRITICAL,
          "T_TONGCHI_BV = T_TONGCHI_BH + T_BNTT and T_TONGCHI_BH = T_BHTT + T_BNCCT + T_NGUONKHAC.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ClaimFacts claim, AssessmentContext context, Findings out) {
    BigDecimal hospital = claim.decimal("T_TONGCHI_BV");
    BigDecimal insured = claim.decimal("T_TONGCHI_BH");
    BigDecimal patient = claim.decimal("T_BNTT");
    BigDecimal fund = claim.decimal("T_BHTT");
    BigDecimal coPayment = claim.decimal("T_BNCCT");
    BigDecimal other =
        claim.text("T_NGUONKHAC") == null ? BigDecimal.ZERO : claim.decimal("T_NGUONKHAC");
    BigDecimal tolerance = LineMoney.tolerance(claim.lines().size());
    if (hospital != null && insured != null && patient != null) {
      BigDecimal sum = insured.add(patient);
      if (!LineMoney.matches(hospital, sum, tolerance)) {
        out.add(
            FindingCode.MONEY_IDENTITY_BV,
            claim.at("T_TONGCHI_BV"),
            sum,
            hospital,
            "T_TONGCHI_BV differs from T_TONGCHI_BH + T_BNTT = " + sum.toPlainString() + ".");
      }
    }
    if (insured != null && fund != null && coPayment != null && other != null) {
      BigDecimal sum = fund.add(coPayment).add(other);
      if (!LineMoney.matches(insured, sum, tolerance)) {
        out.add(
            FindingCode.MONEY_IDENTITY_BH,
            claim.at("T_TONGCHI_BH"),
            sum,
            insured,
            "T_TONGCHI_BH differs from T_BHTT + T_BNCCT + T_NGUONKHAC = "
                + sum.toPlainString()
                + ".");
      }
    }
  }
}
