package vn.bhyt.claims.assessment;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Checks {@code SO_NGAY_DTRI} against the dates. With d the number of calendar days from the
 * admission day to the discharge day ({@code NGAY_RA} day − {@code NGAY_VAO} day):
 *
 * <ul>
 *   <li>a stay ({@code MA_LOAI_KCB} of kind {@code inpatient}, counted from {@code
 *       NGAY_VAO_NOI_TRU} when present): d or d + 1. Circular 39/2018/TT-BYT counts d, and d + 1
 *       for some discharges (death, transfer, leaving against advice, stays within one day); which
 *       applies depends on {@code KET_QUA_DTRI} and {@code MA_LOAI_RV} codes that changed between
 *       versions, so both are accepted;
 *   <li>an examination or outpatient treatment: from 0 to d + 1 (days treated, never more days than
 *       the visit spans).
 * </ul>
 */
final class TreatmentDaysRule implements Rule {
  private static final RuleInfo INFO =
      new RuleInfo(
          "dates.treatment-days",
          1,
          LocalDate.of(2018, 1, 1),
          null,
          Severity.WARNING,
          "SO_NGAY_DTRI fits the admission and discharge dates (stays: d or d + 1 days).");

  private final ClaimReference reference;

  TreatmentDaysRule(ClaimReference reference) {
    this.reference = reference;
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ClaimFacts claim, AssessmentContext context, Findings out) {
    String text = claim.text("SO_NGAY_DTRI");
    Optional<ClaimReference.VisitType> type =
        Optional.ofNullable(claim.text("MA_LOAI_KCB"))
            .flatMap(t -> reference.visitType(t, claim.visitDay()));
    LocalDateTime discharged = claim.discharged();
    if (!Values.isInteger(text) || type.isEmpty() || discharged == null) {
      return;
    }
    boolean stay = type.get().stay() == Stay.INPATIENT;
    LocalDateTime admitted =
        stay && claim.dateTime("NGAY_VAO_NOI_TRU") != null
            ? claim.dateTime("NGAY_VAO_NOI_TRU")
            : claim.admitted();
    if (admitted == null || discharged.isBefore(admitted)) {
      return;
    }
    long d = ChronoUnit.DAYS.between(admitted.toLocalDate(), discharged.toLocalDate());
    long claimed = Long.parseLong(text);
    long low = stay ? d : 0;
    if (claimed < low || claimed > d + 1) {
      out.add(
          FindingCode.TREATMENT_DAYS_MISMATCH,
          claim.at("SO_NGAY_DTRI"),
          low == d + 1 ? String.valueOf(low) : low + " to " + (d + 1),
          claimed,
          "SO_NGAY_DTRI is "
              + claimed
              + " but the "
              + (stay ? "stay" : "visit")
              + " spans "
              + d
              + " day(s) from admission to discharge.");
    }
  }
}
