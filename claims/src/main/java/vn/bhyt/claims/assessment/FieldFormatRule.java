package vn.bhyt.claims.assessment;

import java.time.LocalDate;
import vn.bhyt.claims.claim.ClaimRow;

/**
 * Checks how present fields are written ({@code claim-fields.csv}): their length, date formats
 * ({@code yyyyMMddHHmm}, {@code yyyyMMdd}, birth dates also {@code yyyy}) and numbers. Findings do
 * not repeat the value of a personal field.
 */
final class FieldFormatRule implements Rule {
  private static final RuleInfo INFO =
      new RuleInfo(
          "structure.format",
          1,
          LocalDate.of(2018, 1, 1),
          null,
          Severity.CRITICAL,
          "Fields have their length, date format and number format.");

  private final ClaimReference reference;

  FieldFormatRule(ClaimReference reference) {
    this.reference = reference;
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ClaimFacts claim, AssessmentContext context, Findings out) {
    for (String table : reference.tables()) {
      for (ClaimRow row : claim.dossier().rows(table)) {
        for (ClaimReference.Field f : reference.fields(table)) {
          String text = row.text(f.name());
          if (text != null) {
            check(new Place(table, row.line(), f.name()), f, text, out);
          }
        }
      }
    }
  }

  private static void check(Place at, ClaimReference.Field f, String text, Findings out) {
    int length = text.codePointCount(0, text.length());
    if (f.maxLength() != null && length > f.maxLength()) {
      out.add(
          FindingCode.FIELD_TOO_LONG,
          at,
          "at most " + f.maxLength() + " characters",
          length + " characters",
          f.name() + " has " + length + " characters; the format allows " + f.maxLength() + ".");
    }
    if (f.format().accepts(text)) {
      return;
    }
    String actual = f.personal() ? null : text;
    switch (f.format()) {
      case INTEGER, DECIMAL ->
          out.add(
              FindingCode.FIELD_NUMBER_MALFORMED,
              at,
              f.format() == FieldFormat.INTEGER ? "an integer" : "a number such as 1234.5",
              actual,
              f.name() + " is not a number.");
      default ->
          out.add(
              FindingCode.FIELD_DATE_MALFORMED,
              at,
              pattern(f.format()),
              actual,
              f.name() + " is not a valid date written " + pattern(f.format()) + ".");
    }
  }

  private static String pattern(FieldFormat format) {
    return switch (format) {
      case DATETIME -> "yyyyMMddHHmm";
      case DATE -> "yyyyMMdd";
      case DATES -> "yyyyMMdd;yyyyMMdd";
      case BIRTH -> "yyyyMMddHHmm, yyyyMMdd or yyyy";
      default -> format.name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
