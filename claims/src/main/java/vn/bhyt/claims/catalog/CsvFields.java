package vn.bhyt.claims.catalog;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import vn.bhyt.claims.store.StoredColumn;
import vn.bhyt.csv.CsvException;
import vn.bhyt.csv.CsvRecord;

/**
 * Reading the columns of an import file's row. Messages name the column and what was expected,
 * never the value: import reports may be logged.
 */
final class CsvFields {
  private CsvFields() {}

  /** A text that the table's column holds, or null when empty. */
  static @Nullable String text(CsvRecord r, String column, StoredColumn into) {
    String v = r.get(column);
    if (v != null && !into.type().holds(v)) {
      throw bad(r, column, "at most " + into.type().maxChars() + " characters");
    }
    return v;
  }

  /** A text that must be present, and that the table's column holds. */
  static String required(CsvRecord r, String column, StoredColumn into) {
    String v = r.require(column);
    if (!into.type().holds(v)) {
      throw bad(r, column, "at most " + into.type().maxChars() + " characters");
    }
    return v;
  }

  /** A {@code yyyy-MM-dd} date that the table's column holds, or null when empty. */
  static @Nullable LocalDate date(CsvRecord r, String column, StoredColumn into) {
    String v = r.get(column);
    if (v == null) {
      return null;
    }
    LocalDate day;
    try {
      day = LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw bad(r, column, "yyyy-MM-dd");
    }
    if (!into.type().holds(day)) {
      throw bad(r, column, "yyyy-MM-dd in the years 1000 to 9999");
    }
    return day;
  }

  /** Checks that an end date is not before its start date. */
  static void ordered(CsvRecord r, @Nullable LocalDate from, @Nullable LocalDate to) {
    if (from != null && to != null && to.isBefore(from)) {
      throw bad(r, "valid_to", "on or after valid_from");
    }
  }

  static CsvException bad(CsvRecord r, String column, String expected) {
    return new CsvException(r.line(), column + " is not valid (expected: " + expected + ")");
  }
}
