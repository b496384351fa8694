package vn.bhyt.claims.assessment;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Looks for the claim in the history of claims: another facility's claim with the same {@code
 * MA_LK}, and, for a stay, an inpatient stay on one of its cards that overlaps it (strictly: a
 * discharge and an admission at the same minute do not overlap). The claim's own earlier
 * submissions (same facility and {@code MA_LK}) do not count.
 */
final class ClaimHistoryRule implements Rule {
  private static final RuleInfo INFO =
      new RuleInfo(
          "duplicates.history",
          1,
          LocalDate.of(2018, 1, 1),
          null,
          Severity.WARNING,
          "No other facility claimed the same MA_LK and no claimed stay on the card overlaps.");

  private final ClaimReference reference;

  ClaimHistoryRule(ClaimReference reference) {
    this.reference = reference;
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ClaimFacts claim, AssessmentContext context, Findings out) {
    String key = claim.text("MA_LK");
    String facility = claim.dossier().facilityCode();
    if (key == null) {
      return;
    }
    for (PastClaim past : context.history().byVisitKey(key)) {
      if (!past.facility().equals(facility)) {
        out.add(
            FindingCode.VISIT_KEY_FROM_OTHER_FACILITY,
            claim.at("MA_LK"),
            facility,
            past.facility(),
            "Facility " + past.facility() + " has already claimed a visit with this MA_LK.");
      }
    }
    LocalDateTime admitted = claim.admitted();
    LocalDateTime discharged = claim.discharged();
    if (!isStay(claim) || admitted == null || discharged == null) {
      return;
    }
    for (String card : claim.cards()) {
      for (PastClaim past : context.history().onCard(card, admitted, discharged)) {
        boolean self = past.facility().equals(facility) && past.maLk().equals(key);
        if (!self && past.inpatient() && overlaps(past, admitted, discharged)) {
          out.add(
              FindingCode.STAY_OVERLAP,
              claim.at("NGAY_VAO"),
              null,
              past.facility(),
              "The stay overlaps an inpatient stay on the same card already claimed by facility "
                  + past.facility()
                  + ".");
        }
      }
    }
  }

  private boolean isStay(ClaimFacts claim) {
    String type = claim.text("MA_LOAI_KCB");
    return type != null
        && reference
            .visitType(type, claim.visitDay())
            .map(t -> t.stay() == Stay.INPATIENT)
            .orElse(false);
  }

  private static boolean overlaps(PastClaim past, LocalDateTime from, LocalDateTime to) {
    if (past.admitted() == null) {
      return false;
    }
    LocalDateTime end = past.discharged() != null ? past.discharged() : past.admitted();
    return past.admitted().isBefore(to) && from.isBefore(end);
  }
}
