package vn.bhyt.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A streaming reader of RFC 4180 CSV with a header row: quoted fields, doubled quotes, CRLF or LF,
 * a leading byte-order mark.
 */
public final class CsvReader implements Closeable {
  private final Reader in;
  private final Map<String, Integer> header;
  private final List<String> columns;
  private int pushback = -2;
  private long line = 1;
  private long recordLine;

  private CsvReader(Reader in) throws IOException {
    this.in = in;
    List<String> names = readRecord();
    if (names == null) {
      throw new CsvException(1, "the file is empty (expected: a header row)");
    }
    this.columns = List.copyOf(names);
    this.header = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      header.putIfAbsent(names.get(i).strip().toLowerCase(Locale.ROOT), i);
    }
  }

  /** Opens a reader and reads the header row. */
  public static CsvReader open(Reader in) throws IOException {
    return new CsvReader(in);
  }

  /** The header's column names, as written. */
  public List<String> columns() {
    return columns;
  }

  /** Whether the header names a column (case-insensitive). */
  public boolean has(String column) {
    return header.containsKey(column.toLowerCase(Locale.ROOT));
  }

  /** The next record, or null at the end of the file. */
  public @Nullable CsvRecord next() throws IOException {
    List<String> values = readRecord();
    return values == null ? null : new CsvRecord(recordLine, values, header);
  }

  private @Nullable List<String> readRecord() throws IOException {
    int c = read();
    while (c == '\n' || c == '\r') {
      c = read();
    }
    if (c == -1) {
      return null;
    }
    recordLine = line;
    List<String> values = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    while (true) {
      if (c == '"' && field.length() == 0) {
        c = readQuoted(field);
      }
      if (c == ',') {
        values.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r' || c == -1) {
        values.add(field.toString());
        if (c == '\r') {
          int n = read();
          if (n != '\n') {
            unread(n);
          }
        }
        return values;
      } else {
        field.append((char) c);
      }
      c = read();
    }
  }

  private int readQuoted(StringBuilder field) throws IOException {
    long start = line;
    while (true) {
      int c = read();
      if (c == -1) {
        throw new CsvException(start, "a quoted field is not closed");
      }
      if (c == '"') {
        int n = read();
        if (n != '"') {
          return n;
        }
      }
      field.append((char) c);
    }
  }

  private int read() throws IOException {
    int c;
    if (pushback != -2) {
      c = pushback;
      pushback = -2;
      return c;
    }
    c = in.read();
    if (c == '\uFEFF' && line == 1 && recordLine == 0) {
      c = in.read();
    }
    if (c == '\n') {
      line++;
    }
    return c;
  }

  private void unread(int c) {
    pushback = c;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
