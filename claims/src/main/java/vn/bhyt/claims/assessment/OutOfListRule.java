package vn.bhyt.claims.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import vn.bhyt.reference.BenefitLevel;
import vn.bhyt.reference.ReferenceData;

/**
 * Checks that drugs and supplies outside the fund's list (groups with {@code in_list=no} in {@code
 * claim-groups.csv}: 5 and 11) are not charged to the fund ({@code T_BHTT > 0}), unless the card's
 * level pays out-of-scope costs ({@code benefit-levels.csv}, level 5). When the level is unknown
 * the finding is a warning, for inspectors to decide.
 */
final class OutOfListRule implements Rule {
  private static final RuleInfo INFO =
      new RuleInfo(
          "prices.out-of-list",
          1,
          LocalDate.of(2018, 1, 1),
          null,
          Severity.CRITICAL,
          "Drugs and supplies outside the list (MA_NHOM 5, 11) are not charged to the fund.");

  private final ReferenceData reference;
  private final ClaimReference claims;

  OutOfListRule(ReferenceData reference, ClaimReference claims) {
    this.reference = reference;
    this.claims = claims;
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ClaimFacts claim, AssessmentContext context, Findings out) {
    List<ClaimCard> cards = ClaimCard.of(claim);
    for (Line line : claim.lines()) {
      BigDecimal fund = line.decimal("T_BHTT");
      boolean outside = claims.group(line.group()).map(g -> !g.inList()).orElse(false);
      if (!outside || fund == null || fund.signum() <= 0) {
        continue;
      }
      LocalDate day = line.serviceDay() != null ? line.serviceDay() : claim.visitDay();
      Integer level = ClaimCard.on(cards, day).map(c -> c.level(day, context.cards())).orElse(null);
      if (level != null && reference.level(level).map(BenefitLevel::outOfScopePaid).orElse(false)) {
        continue;
      }
      out.add(
          FindingCode.OUT_OF_LIST_CHARGED_TO_FUND,
          level == null ? Severity.WARNING : Severity.CRITICAL,
          line.at("T_BHTT"),
          "0",
          fund,
          "MA_NHOM "
              + line.group()
              + " is outside the fund's list, yet T_BHTT charges "
              + fund.toPlainString()
              + " to the fund.");
    }
  }
}
