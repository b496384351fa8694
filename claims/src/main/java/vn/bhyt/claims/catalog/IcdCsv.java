package vn.bhyt.claims.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.bhyt.claims.store.StoredColumn;
import vn.bhyt.csv.CsvException;
import vn.bhyt.csv.CsvRecord;

/**
 * One row of an ICD-10 list file, checked and turned into an {@link IcdCode}. Columns: {@code code,
 * name, valid_from, valid_to}, in any order; only {@code code} is required. Codes are read in
 * either case; a trailing dagger or asterisk (the dual-classification marks {@code †} and {@code
 * *}) is dropped.
 */
final class IcdCsv {
  /** The columns an ICD-10 list's header must name. */
  static final List<String> REQUIRED = List.of("code");

  /** The form {@code DiagnosisRule} accepts: a letter, two digits, a point and up to 4 more. */
  private static final Pattern ICD10 = Pattern.compile("[A-Z][0-9]{2}(?:\\.[0-9A-Z]{1,4})?");

  private IcdCsv() {}

  /**
   * Reads a row.
   *
   * @throws CsvException naming the first bad column
   */
  static IcdCode code(CsvRecord r) {
    String code = normalise(r.require("code"));
    if (!ICD10.matcher(code).matches() || !StoredColumn.ICD_CODE.type().holds(code)) {
      throw CsvFields.bad(r, "code", "an ICD-10 code such as A00 or J18.9");
    }
    String name = CsvFields.text(r, "name", StoredColumn.ICD_NAME);
    LocalDate from = CsvFields.date(r, "valid_from", StoredColumn.ICD_VALID_FROM);
    LocalDate to = CsvFields.date(r, "valid_to", StoredColumn.ICD_VALID_TO);
    CsvFields.ordered(r, from, to);
    return new IcdCode(code, name, from, to);
  }

  /** A code as the list and lookups compare it: upper case, without the dual marks. */
  static String normalise(String code) {
    String c = code.strip().toUpperCase(Locale.ROOT);
    while (!c.isEmpty() && (c.endsWith("†") || c.endsWith("*"))) {
      c = c.substring(0, c.length() - 1).stripTrailing();
    }
    return c;
  }
}
