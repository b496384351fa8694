package vn.bhyt.claims.assessment;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * Checks the order of the visit's dates, to the minute and inclusive: {@code NGAY_VAO ≤ NGAY_RA},
 * {@code NGAY_VAO ≤ NGAY_YL ≤ NGAY_RA} on every line, and {@code NGAY_KQ} not before its line's
 * {@code NGAY_YL}.
 */
final class VisitDatesRule implements Rule {
  private static final RuleInfo INFO =
      new RuleInfo(
          "dates.order",
          1,
          LocalDate.of(2018, 1, 1),
          null,
          Severity.CRITICAL,
          "NGAY_VAO ≤ NGAY_YL ≤ NGAY_RA on every line and NGAY_KQ is not before NGAY_YL.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ClaimFacts claim, AssessmentContext context, Findings out) {
    LocalDateTime admitted = claim.admitted();
    LocalDateTime discharged = claim.discharged();
    if (admitted != null && discharged != null && discharged.isBefore(admitted)) {
      out.add(
          FindingCode.DISCHARGE_BEFORE_ADMISSION,
          claim.at("NGAY_RA"),
          "not before " + text(admitted),
          text(discharged),
          "NGAY_RA is before NGAY_VAO.");
    }
    for (Line line : claim.lines()) {
      LocalDateTime ordered = line.dateTime("NGAY_YL");
      if (ordered != null) {
        checkLine(line, ordered, admitted, discharged, out);
      }
    }
  }

  private static void checkLine(
      Line line,
      LocalDateTime ordered,
      @Nullable LocalDateTime admitted,
      @Nullable LocalDateTime discharged,
      Findings out) {
    if (admitted != null && ordered.isBefore(admitted)) {
      out.add(
          FindingCode.ORDER_BEFORE_ADMISSION,
          line.at("NGAY_YL"),
          "not before " + text(admitted),
          text(ordered),
          "NGAY_YL is before the admission (NGAY_VAO).");
    }
    if (discharged != null && ordered.isAfter(discharged)) {
      out.add(
          FindingCode.ORDER_AFTER_DISCHARGE,
          line.at("NGAY_YL"),
          "not after " + text(discharged),
          text(ordered),
          "NGAY_YL is after the discharge (NGAY_RA).");
    }
    LocalDateTime result = line.dateTime("NGAY_KQ");
    if (result != null && result.isBefore(ordered)) {
      out.add(
          FindingCode.RESULT_BEFORE_ORDER,
          line.at("NGAY_KQ"),
          "not before " + text(ordered),
          text(result),
          "NGAY_KQ is before the order (NGAY_YL).");
    }
  }

  private static String text(LocalDateTime at) {
    return at.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmm"));
  }
}
