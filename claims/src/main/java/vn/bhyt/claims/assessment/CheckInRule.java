package vn.bhyt.claims.assessment;

import java.time.LocalDate;
import java.util.List;
import vn.bhyt.claims.assessment.CheckIns.CheckIn;

/**
 * Checks that reception checked the visit in here: by the facility and {@code MA_LK}, else by one
 * of the claim's cards on the admission day, with a card check of this gateway whose receipt proves
 * it for the card. A visit recorded without such a check is a finding of its own; when reception's
 * records know nothing either way, the rule makes no finding.
 */
final class CheckInRule implements Rule {
  private static final RuleInfo INFO =
      new RuleInfo(
          "card.check-in",
          2,
          LocalDate.of(2018, 1, 1),
          null,
          Severity.WARNING,
          "Reception checked the visit in (by MA_LK, or by card and admission day) with a card"
              + " check of this gateway, proven by its receipt.");

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
    List<String> cards = claim.cards();
    CheckIn byVisit = context.checkIns().byVisit(facility, key, cards);
    if (byVisit == CheckIn.PROVEN) {
      return;
    }
    boolean known = byVisit != CheckIn.UNKNOWN;
    boolean unproven = byVisit == CheckIn.UNPROVEN;
    for (String card : cards) {
      CheckIn byCard = context.checkIns().byCard(facility, card, claim.visitDay());
      if (byCard == CheckIn.PROVEN) {
        return;
      }
      known |= byCard != CheckIn.UNKNOWN;
      unproven |= byCard == CheckIn.UNPROVEN;
    }
    if (unproven) {
      out.add(
          FindingCode.CHECK_IN_UNPROVEN,
          claim.at("MA_LK"),
          "a check-in by a card check of this gateway",
          null,
          "Reception's records hold this visit, but no card check of this gateway with a genuine"
              + " receipt for the claim's card opened it: it was recorded by other means.");
    } else if (known) {
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
