package vn.bhyt.csv;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Loads a table (the card registry, the price list, the ICD-10 list) from CSV: an idempotent upsert
 * in batches of {@value #BATCH} rows, each batch committed, skipping bad rows and reporting them by
 * line number. A row replaces the stored row with the same key whole and moves its {@code
 * changed_at}; a later row with the same key replaces an earlier one; rows are never deleted.
 * Unchanged rows are not written, so their change time stays and caches keep them.
 *
 * @param <T> the row
 */
public final class CsvUpsert<T> {
  public static final int BATCH = 2_000;
  private static final int MAX_ERRORS_KEPT = 10_000;

  private final DataSource ds;
  private final UpsertTable<T> table;
  private final String upsertHead;
  private final String upsertTail;
  private final String tuple;

  public CsvUpsert(DataSource ds, UpsertTable<T> table) {
    this.ds = ds;
    this.table = table;
    List<String> columns = new ArrayList<>(table.columns());
    columns.add("row_hash");
    this.upsertHead =
        "INSERT INTO " + table.table() + " (" + String.join(", ", columns) + ") VALUES ";
    this.upsertTail =
        " ON DUPLICATE KEY UPDATE "
            + columns.stream()
                .map(c -> c + " = VALUES(" + c + ")")
                .collect(Collectors.joining(", "))
            + ", changed_at = CURRENT_TIMESTAMP(6)";
    this.tuple = "(" + String.join(",", Collections.nCopies(columns.size(), "?")) + ")";
  }

  /**
   * Imports a CSV file.
   *
   * @param progress told the number of rows read after every batch
   * @throws CsvException when the file has no header or the header lacks a required column
   */
  public ImportSummary importCsv(Reader in, LongConsumer progress)
      throws IOException, SQLException {
    Counts counts = new Counts();
    try (CsvReader csv = CsvReader.open(in);
        Connection c = ds.getConnection()) {
      for (String column : table.requiredColumns()) {
        if (!csv.has(column)) {
          throw new CsvException(1, "the header has no " + column + " column");
        }
      }
      c.setAutoCommit(false);
      Map<String, T> batch = new LinkedHashMap<>();
      for (CsvRecord r = csv.next(); r != null; r = csv.next()) {
        counts.read++;
        try {
          T row = table.parse(r);
          batch.put(table.key(row), row);
        } catch (CsvException | IllegalArgumentException e) {
          counts.error(r.line(), e.getMessage());
        }
        if (batch.size() >= BATCH) {
          write(c, batch, counts);
          progress.accept(counts.read);
        }
      }
      write(c, batch, counts);
      progress.accept(counts.read);
    }
    return counts.summary();
  }

  private void write(Connection c, Map<String, T> batch, Counts counts) throws SQLException {
    if (batch.isEmpty()) {
      return;
    }
    Map<String, byte[]> stored = storedHashes(c, batch.values());
    List<T> changed = new ArrayList<>();
    List<byte[]> hashes = new ArrayList<>();
    for (Map.Entry<String, T> e : batch.entrySet()) {
      byte[] hash = hash(e.getValue());
      byte[] old = stored.get(e.getKey());
      if (old == null) {
        counts.inserted++;
      } else if (Arrays.equals(old, hash)) {
        counts.unchanged++;
        continue;
      } else {
        counts.updated++;
      }
      changed.add(e.getValue());
      hashes.add(hash);
    }
    upsert(c, changed, hashes);
    c.commit();
    batch.clear();
  }

  /** The hashes of the stored rows of the batch's lookup values, by key. */
  private Map<String, byte[]> storedHashes(Connection c, Collection<T> rows) throws SQLException {
    Set<String> codes = new LinkedHashSet<>();
    rows.forEach(r -> codes.add(table.lookupValue(r)));
    String sql =
        "SELECT "
            + table.keySql()
            + ", row_hash FROM "
            + table.table()
            + " WHERE "
            + table.lookupColumn()
            + " IN ("
            + String.join(",", Collections.nCopies(codes.size(), "?"))
            + ")";
    Map<String, byte[]> hashes = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      for (String code : codes) {
        ps.setString(i++, code);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          hashes.put(rs.getString(1), rs.getBytes(2));
        }
      }
    }
    return hashes;
  }

  private void upsert(Connection c, List<T> rows, List<byte[]> hashes) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    String sql =
        upsertHead + String.join(",", Collections.nCopies(rows.size(), tuple)) + upsertTail;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      for (int r = 0; r < rows.size(); r++) {
        i = table.bind(ps, i, rows.get(r));
        ps.setBytes(i++, hashes.get(r));
      }
      ps.executeUpdate();
    }
  }

  /** The MD5 of a row's values, to tell changed rows from unchanged ones. */
  public static byte[] hash(Object row) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      md5.update(row.toString().getBytes(StandardCharsets.UTF_8));
      return md5.digest();
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException("MD5 is missing from this JVM", ex);
    }
  }

  private static final class Counts {
    long read;
    long inserted;
    long updated;
    long unchanged;
    long bad;
    final List<ImportSummary.RowError> errors = new ArrayList<>();

    void error(long line, @Nullable String message) {
      bad++;
      if (errors.size() < MAX_ERRORS_KEPT) {
        errors.add(
            new ImportSummary.RowError(
                line, String.valueOf(message).replaceFirst("^line \\d+: ", "")));
      }
    }

    ImportSummary summary() {
      return new ImportSummary(
          read, inserted, updated, unchanged, bad, Collections.unmodifiableList(errors));
    }
  }
}
