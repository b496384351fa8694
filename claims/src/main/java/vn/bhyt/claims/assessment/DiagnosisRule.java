package vn.bhyt.claims.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks diagnoses: {@code MA_BENH_CHINH} is one ICD-10 code, {@code MA_BENH_KT} a {@code ;}-list
 * of at most 12, each line's {@code MA_BENH} a {@code ;}-list; every code a letter, two digits and
 * an optional point with up to four characters ({@code J18.9}); and, when an {@link IcdList} is
 * loaded, in the list in force on the visit date (a warning, for inspectors). Findings give the
 * code's position in its field, never the code.
 */
final class DiagnosisRule implements Rule {
  private static final RuleInfo INFO =
      new RuleInfo(
          "diagnoses.icd10",
          1,
          LocalDate.of(2018, 1, 1),
          null,
          Severity.CRITICAL,
          "Diagnoses are ICD-10 codes (at most 12 secondary) and in the ICD-10 list when loaded.");

  private static final Pattern ICD10 = Pattern.compile("[A-Z][0-9]{2}(?:\\.[0-9A-Z]{1,4})?");
  private static final int MAX_SECONDARY = 12;

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ClaimFacts claim, AssessmentContext context, Findings out) {
    LocalDate day = claim.visitDay();
    String main = claim.text("MA_BENH_CHINH");
    if (main != null) {
      codes(List.of(main), claim.at("MA_BENH_CHINH"), day, context, out);
    }
    List<String> secondary = Values.list(claim.text("MA_BENH_KT"));
    codes(secondary, claim.at("MA_BENH_KT"), day, context, out);
    if (secondary.size() > MAX_SECONDARY) {
      out.add(
          FindingCode.DIAGNOSIS_TOO_MANY,
          claim.at("MA_BENH_KT"),
          "at most " + MAX_SECONDARY,
          secondary.size(),
          "MA_BENH_KT lists " + secondary.size() + " codes; the format allows 12.");
    }
    for (Line line : claim.lines()) {
      codes(Values.list(line.text("MA_BENH")), line.at("MA_BENH"), day, context, out);
    }
  }

  private static void codes(
      List<String> codes, Place at, LocalDate day, AssessmentContext context, Findings out) {
    for (int i = 0; i < codes.size(); i++) {
      String code = codes.get(i);
      String which = codes.size() == 1 ? at.field() : "Item " + (i + 1) + " of " + at.field();
      if (!ICD10.matcher(code).matches()) {
        out.add(
            FindingCode.DIAGNOSIS_MALFORMED,
            at,
            "an ICD-10 code such as A00.0",
            null,
            which + " is not an ICD-10 code.");
      } else if (context.diagnoses().contains(code, day) == Answer.NO) {
        out.add(
            FindingCode.DIAGNOSIS_NOT_LISTED,
            Severity.WARNING,
            at,
            "a code of the ICD-10 list",
            null,
            which + " is not in the ICD-10 list in force on " + day + ".");
      }
    }
  }
}
