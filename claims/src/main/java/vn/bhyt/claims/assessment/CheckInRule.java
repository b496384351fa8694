package vn.bhyt.claims.assessment;

import java.time.LocalDate;

/**
 * Checks that reception checked the visit in: by the facility and {@code MA_LK}, else by one of the
 * claim's cards on the admission day. When reception's records know nothing either way, it makes no
 * finding.
 */
final class CheckInRule implements Rule {
  private static final RuleInfo INFO =
      new RuleInfo(
          "card.check-in",
          1,
          LocalDate.of(2018, 1, 1),
          null,
          Severity.WARNING,
          "Reception checked the visit in (by MA_LK, or by card and admission day).");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ClaimFacts claim, AssessmentContext context, Findings out) {
    String key = claim.text("MA_LK");
    if (key == null) {
      return;
    }
    String facility = claim.dossier().facilityCode();
    Answer byVisit = context.checkIns().byVisit(facility, key);
    boolean known = byVisit != Answer.UNKNOWN;
    if (byVisit == Answer.YES) {
      return;
    }
    for (String card : claim.cards()) {
      Answer byCard = context.checkIns().byCard(facility, card, claim.visitDay());
      if (byCard == Answer.YES) {
        return;
      }
      known |= byCard != Answer.UNKNOWN;
    }
    if (known) {
      out.add(
          FindingCode.VISIT_NOT_CHECKED_IN,
          claim.at("MA_LK"),
          "a check-in",
          null,
          "Reception has no check-in for this visit, neither by MA_LK nor by card on "
              + claim.visitDay()
              + ".");
    }
  }
}
