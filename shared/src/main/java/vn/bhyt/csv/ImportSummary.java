package vn.bhyt.csv;

import java.util.List;

/**
 * What an import of a CSV file did: rows read, inserted, updated, unchanged and bad.
 *
 * @param errors the first bad rows (at most 10,000 are kept; {@link #bad} counts them all)
 */
public record ImportSummary(
    long read, long inserted, long updated, long unchanged, long bad, List<RowError> errors) {

  /** A row that was skipped, with its line number and the reason (never its content). */
  public record RowError(long line, String message) {}

  /** One line for a terminal or a log. */
  public String line() {
    return String.format(
        "%d rows read: %d inserted, %d updated, %d unchanged, %d bad",
        read, inserted, updated, unchanged, bad());
  }
}
