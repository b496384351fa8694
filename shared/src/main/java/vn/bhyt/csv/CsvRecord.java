package vn.bhyt.csv;

import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** One CSV record, read by column name. */
public final class CsvRecord {
  private final long line;
  private final List<String> values;
  private final Map<String, Integer> header;

  CsvRecord(long line, List<String> values, Map<String, Integer> header) {
    this.line = line;
    this.values = values;
    this.header = header;
  }

  /** The line of the file the record starts on (the header is line 1). */
  public long line() {
    return line;
  }

  /** The stripped value of a column, or null when the column is absent or the value empty. */
  public @Nullable String get(String column) {
    Integer index = header.get(column.toLowerCase(Locale.ROOT));
    if (index == null || index >= values.size()) {
      return null;
    }
    String value = values.get(index).strip();
    return value.isEmpty() ? null : value;
  }

  /**
   * The value of a column that must be present.
   *
   * @throws CsvException when it is absent or empty
   */
  public String require(String column) {
    String value = get(column);
    if (value == null) {
      throw new CsvException(line, column + " is empty");
    }
    return value;
  }

  /**
   * The value of a column parsed, or null when it is absent or empty.
   *
   * @param expected the form the column takes, for the message when the parser refuses the value
   * @throws CsvException naming the column and the expected form (never the value) when the parser
   *     refuses it
   */
  public <T> @Nullable T parse(String column, Function<String, T> parser, String expected) {
    String value = get(column);
    if (value == null) {
      return null;
    }
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new CsvException(line, column + " is not valid (expected: " + expected + ")");
    }
  }

  public int size() {
    return values.size();
  }
}
