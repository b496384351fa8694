package vn.bhyt.claims.assessment;

import java.time.LocalDate;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.claim.ClaimRow;
import vn.bhyt.claims.claim.ClaimTable;

/**
 * Checks that every row of every table carries the summary's {@code MA_LK}, and that the summary's
 * {@code MA_CSKCB} is the submitting facility.
 */
final class VisitKeyRule implements Rule {
  private static final RuleInfo INFO =
      new RuleInfo(
          "structure.visit-key",
          1,
          LocalDate.of(2018, 1, 1),
          null,
          Severity.CRITICAL,
          "MA_LK is the same in all tables and MA_CSKCB is the submitting facility.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ClaimFacts claim, AssessmentContext context, Findings out) {
    String key = claim.text("MA_LK");
    if (key != null) {
      for (ClaimTable table : claim.dossier().tables()) {
        if (!table.name().equals(ClaimDossier.SUMMARY)) {
          checkRows(key, table, out);
        }
      }
    }
    String facility = claim.text("MA_CSKCB");
    if (facility != null && !facility.equals(claim.dossier().facilityCode())) {
      out.add(
          FindingCode.FACILITY_MISMATCH,
          claim.at("MA_CSKCB"),
          claim.dossier().facilityCode(),
          facility,
          "MA_CSKCB is not the facility that submitted the file (MACSKCB).");
    }
  }

  private static void checkRows(String key, ClaimTable table, Findings out) {
    for (ClaimRow row : table.rows()) {
      String own = row.text("MA_LK");
      if (own != null && !own.equals(key)) {
        out.add(
            FindingCode.VISIT_KEY_MISMATCH,
            new Place(table.name(), row.line(), "MA_LK"),
            key,
            own,
            "MA_LK differs from the XML1 summary's: the row belongs to another visit.");
      }
    }
  }
}
