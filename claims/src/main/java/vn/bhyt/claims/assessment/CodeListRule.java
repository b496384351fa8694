package vn.bhyt.claims.assessment;

import java.time.LocalDate;

/**
 * Checks coded fields against their lists: {@code GIOI_TINH} ({@code sexes.csv}), {@code
 * MA_LOAI_KCB} in force on the visit date ({@code visit-types.csv}) and each line's {@code MA_NHOM}
 * ({@code claim-groups.csv}).
 */
final class CodeListRule implements Rule {
  private static final RuleInfo INFO =
      new RuleInfo(
          "structure.codes",
          1,
          LocalDate.of(2018, 1, 1),
          null,
          Severity.CRITICAL,
          "GIOI_TINH, MA_LOAI_KCB and MA_NHOM hold codes of their lists.");

  private final ClaimReference reference;

  CodeListRule(ClaimReference reference) {
    this.reference = reference;
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ClaimFacts claim, AssessmentContext context, Findings out) {
    String sex = claim.text("GIOI_TINH");
    if (sex != null && !reference.knowsSex(sex)) {
      unknown(claim.at("GIOI_TINH"), sex, "1, 2 or 3", out);
    }
    String type = claim.text("MA_LOAI_KCB");
    if (type != null && reference.visitType(type, claim.visitDay()).isEmpty()) {
      unknown(claim.at("MA_LOAI_KCB"), type, "a MA_LOAI_KCB code in force on the visit date", out);
    }
    for (Line line : claim.lines()) {
      Integer group = line.group();
      if (group != null && reference.group(group).isEmpty()) {
        unknown(line.at("MA_NHOM"), group, "1 to 18", out);
      }
    }
  }

  private static void unknown(Place at, Object actual, String expected, Findings out) {
    out.add(
        FindingCode.CODE_UNKNOWN,
        at,
        expected,
        actual,
        at.field() + " " + actual + " is not a code of its list (expected " + expected + ").");
  }
}
