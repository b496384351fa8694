package vn.bhyt.csv;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How one kind of row is read from a CSV file and stored: the {@link CsvUpsert}'s view of a table.
 * Every such table has a {@code row_hash} and a {@code changed_at} column besides the row's own.
 *
 * @param <T> the row
 */
public interface UpsertTable<T> {

  /** The table's name. */
  String table();

  /** The columns a file's header must name. */
  List<String> requiredColumns();

  /**
   * Reads a row of the file.
   *
   * @throws CsvException naming the first bad column
   */
  T parse(CsvRecord r);

  /** The indexed column by which the stored rows of a batch are looked up. */
  String lookupColumn();

  /** The row's value of {@link #lookupColumn()}. */
  String lookupValue(T row);

  /** The row's unique key, as {@link #keySql()} reads it back from the table. */
  String key(T row);

  /** The SQL expression of a stored row's unique key. */
  String keySql();

  /** The columns {@link #bind} writes, in order. */
  List<String> columns();

  /** Binds a row's values starting at a parameter index; returns the next index. */
  int bind(PreparedStatement ps, int at, T row) throws SQLException;

  /** Binds a date, or SQL NULL for null. */
  static void setDate(PreparedStatement ps, int i, @Nullable LocalDate d) throws SQLException {
    if (d == null) {
      ps.setNull(i, Types.DATE);
    } else {
      ps.setDate(i, Date.valueOf(d));
    }
  }
}
