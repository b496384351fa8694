package vn.bhyt.claims.catalog;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import vn.bhyt.csv.CsvRecord;

/**
 * How one kind of catalogue row is read from a CSV file and stored: the {@link CatalogImporter}'s
 * view of a table. Every table has a {@code code} column, a {@code row_hash} and a {@code
 * changed_at}.
 *
 * @param <T> the row
 */
interface CatalogTable<T> {

  /** The table's name. */
  String table();

  /** The columns a file's header must name. */
  List<String> requiredColumns();

  /**
   * Reads a row of the file.
   *
   * @throws vn.bhyt.csv.CsvException naming the first bad column
   */
  T parse(CsvRecord r);

  /** The row's code. */
  String code(T row);

  /** The row's unique key, as {@link #keySql()} reads it back from the table. */
  String key(T row);

  /** The SQL expression of a stored row's unique key. */
  String keySql();

  /** The columns {@link #bind} writes, in order. */
  List<String> columns();

  /** Binds a row's values starting at a parameter index; returns the next index. */
  int bind(PreparedStatement ps, int at, T row) throws SQLException;

  /** Binds a date, or SQL NULL for null. */
  static void setDate(PreparedStatement ps, int i, LocalDate d) throws SQLException {
    if (d == null) {
      ps.setNull(i, Types.DATE);
    } else {
      ps.setDate(i, Date.valueOf(d));
    }
  }
}
