package vn.bhyt.reference;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import vn.bhyt.csv.CsvReader;
import vn.bhyt.csv.CsvRecord;

/**
 * Reference CSV files read row by row, collecting every problem with its file and line rather than
 * stopping at the first, so that one start-up names everything wrong with the data.
 */
public final class ReferenceTables {
  private final ReferenceData.ReferenceFiles files;
  private final List<String> problems = new ArrayList<>();

  public ReferenceTables(ReferenceData.ReferenceFiles files) {
    this.files = files;
  }

  /** Reads a file: a row the consumer throws on is a problem naming the file and the line. */
  public void read(String name, Consumer<CsvRecord> row) {
    try (Reader reader = files.open(name);
        CsvReader csv = CsvReader.open(reader)) {
      for (CsvRecord r = csv.next(); r != null; r = csv.next()) {
        try {
          row.accept(r);
        } catch (RuntimeException e) {
          problems.add(name + ": line " + r.line() + ": " + e.getMessage());
        }
      }
    } catch (IOException | RuntimeException e) {
      problems.add(name + ": " + e.getMessage());
    }
  }

  /** Notes a problem found across rows or files. */
  public void problem(String problem) {
    problems.add(problem);
  }

  /**
   * Fails when a problem was noted.
   *
   * @throws ReferenceDataException listing every problem noted, when there is one
   */
  public void requireNoProblems() {
    if (!problems.isEmpty()) {
      throw new ReferenceDataException(problems);
    }
  }
}
