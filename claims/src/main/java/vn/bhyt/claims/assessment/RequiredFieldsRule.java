package vn.bhyt.claims.assessment;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.claim.ClaimRow;

/**
 * Checks that the dossier has its {@code XML1} summary and that every row has the fields its table
 * requires ({@code claim-fields.csv}): a field marked {@code yes}, and one field of each {@code
 * any:} group (a line names a service or a supply; it has a price).
 */
final class RequiredFieldsRule implements Rule {
  private static final RuleInfo INFO =
      new RuleInfo(
          "structure.required",
          1,
          LocalDate.of(2018, 1, 1),
          null,
          Severity.CRITICAL,
          "The XML1 summary is present and every row has the fields its table requires.");

  private final ClaimReference reference;

  RequiredFieldsRule(ClaimReference reference) {
    this.reference = reference;
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ClaimFacts claim, AssessmentContext context, Findings out) {
    if (claim.summary().isEmpty()) {
      out.add(
          FindingCode.TABLE_MISSING,
          new Place(ClaimDossier.SUMMARY, null, null),
          null,
          null,
          "The dossier has no XML1 summary table.");
    }
    for (String table : reference.tables()) {
      List<ClaimReference.Field> fields = reference.fields(table);
      for (ClaimRow row : claim.dossier().rows(table)) {
        checkRow(new Place(table, row.line(), null), row, fields, out);
      }
    }
  }

  private static void checkRow(
      Place at, ClaimRow row, List<ClaimReference.Field> fields, Findings out) {
    Map<String, StringBuilder> groups = new LinkedHashMap<>();
    Map<String, Boolean> groupPresent = new LinkedHashMap<>();
    for (ClaimReference.Field f : fields) {
      if (f.required() && !row.has(f.name())) {
        missing(at, f.name(), out);
      }
      if (f.anyOf() != null) {
        groups.computeIfAbsent(f.anyOf(), g -> new StringBuilder()).append('|').append(f.name());
        groupPresent.merge(f.anyOf(), row.has(f.name()), Boolean::logicalOr);
      }
    }
    groups.forEach(
        (group, names) -> {
          if (!groupPresent.getOrDefault(group, false)) {
            missing(at, names.substring(1), out);
          }
        });
  }

  /** A finding that the row lacks a field, or every field of a group ({@code A|B}). */
  private static void missing(Place row, String field, Findings out) {
    String what = field.contains("|") ? "One of " + field : field;
    out.add(
        FindingCode.FIELD_MISSING,
        row.field(field),
        null,
        null,
        what + " is required in " + row.table() + " but missing or empty.");
  }
}
