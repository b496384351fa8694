package vn.bhyt.claims.catalog;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import vn.bhyt.csv.CsvException;
import vn.bhyt.csv.CsvRecord;

/**
 * Reading the columns of an import file's row. Messages name the column and what was expected,
 * never the value: import reports may be logged.
 */
final class CsvFields {
  private CsvFields() {}

  /** A text of at most {@code max} characters, or null when empty. */
  static @Nullable String text(CsvRecord r, String column, int max) {
    String v = r.get(column);
    if (v != null && v.length() > max) {
      throw bad(r, column, "at most " + max + " characters");
    }
    return v;
  }

  /** A text that must be present, of at most {@code max} characters. */
  static String required(CsvRecord r, String column, int max) {
    String v = r.require(column);
    if (v.length() > max) {
      throw bad(r, column, "at most " + max + " characters");
    }
    return v;
  }

  /** A {@code yyyy-MM-dd} date, or null when empty. */
  static @Nullable LocalDate date(CsvRecord r, String column) {
    String v = r.get(column);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw bad(r, column, "yyyy-MM-dd");
    }
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
