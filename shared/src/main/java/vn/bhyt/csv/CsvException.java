package vn.bhyt.csv;

/** A CSV file or record that cannot be read, with the line it was found on. */
public final class CsvException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final long line;

  public CsvException(long line, String message) {
    super("line " + line + ": " + message);
    this.line = line;
  }

  public long line() {
    return line;
  }
}
