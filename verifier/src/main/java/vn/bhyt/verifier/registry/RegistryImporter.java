package vn.bhyt.verifier.registry;

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
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import vn.bhyt.csv.CsvException;
import vn.bhyt.csv.CsvReader;
import vn.bhyt.csv.CsvRecord;
import vn.bhyt.verifier.rules.RegistryEntry;

/**
 * Loads registry rows from CSV: an idempotent upsert in batches, skipping bad rows and reporting
 * them by line number. A row in the file replaces the stored row whole; unchanged rows are not
 * written, so their change time stays and caches keep them.
 */
public final class RegistryImporter {
  static final int BATCH = 2_000;
  private static final int MAX_ERRORS_KEPT = 10_000;
  private static final String UPSERT_HEAD =
      "INSERT INTO registry_card (" + RegistryColumns.LIST + ", row_hash) VALUES ";
  private static final String UPSERT_TAIL =
      " ON DUPLICATE KEY UPDATE "
          + String.join(
              ", ",
              Arrays.stream((RegistryColumns.LIST + ", row_hash").split(",\\s*"))
                  .skip(1)
                  .map(c -> c + " = VALUES(" + c + ")")
                  .toList())
          + ", changed_at = CURRENT_TIMESTAMP(6)";

  private final DataSource ds;

  public RegistryImporter(DataSource ds) {
    this.ds = ds;
  }

  /**
   * Imports a CSV file.
   *
   * @param progress told the number of rows read after every batch
   */
  public ImportSummary importCsv(Reader in, LongConsumer progress)
      throws IOException, SQLException {
    Counts counts = new Counts();
    try (CsvReader csv = CsvReader.open(in);
        Connection c = ds.getConnection()) {
      if (!csv.has("card_number")) {
        throw new CsvException(1, "the header has no card_number column");
      }
      c.setAutoCommit(false);
      Map<String, RegistryEntry> batch = new LinkedHashMap<>();
      for (CsvRecord r = csv.next(); r != null; r = csv.next()) {
        counts.read++;
        try {
          RegistryEntry e = RegistryCsv.entry(r);
          batch.put(e.cardNumber().value(), e);
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
    return new ImportSummary(
        counts.read,
        counts.inserted,
        counts.updated,
        counts.unchanged,
        counts.bad,
        Collections.unmodifiableList(counts.errors));
  }

  private void write(Connection c, Map<String, RegistryEntry> batch, Counts counts)
      throws SQLException {
    if (batch.isEmpty()) {
      return;
    }
    Map<String, byte[]> stored = storedHashes(c, batch.keySet());
    List<RegistryEntry> changed = new ArrayList<>();
    List<byte[]> hashes = new ArrayList<>();
    for (RegistryEntry e : batch.values()) {
      byte[] hash = hash(e);
      byte[] old = stored.get(e.cardNumber().value());
      if (old == null) {
        counts.inserted++;
      } else if (Arrays.equals(old, hash)) {
        counts.unchanged++;
        continue;
      } else {
        counts.updated++;
      }
      changed.add(e);
      hashes.add(hash);
    }
    upsert(c, changed, hashes);
    c.commit();
    batch.clear();
  }

  private static Map<String, byte[]> storedHashes(Connection c, java.util.Set<String> numbers)
      throws SQLException {
    String sql =
        "SELECT card_number, row_hash FROM registry_card WHERE card_number IN ("
            + String.join(",", Collections.nCopies(numbers.size(), "?"))
            + ")";
    Map<String, byte[]> hashes = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      for (String n : numbers) {
        ps.setString(i++, n);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          hashes.put(rs.getString(1), rs.getBytes(2));
        }
      }
    }
    return hashes;
  }

  private static void upsert(Connection c, List<RegistryEntry> rows, List<byte[]> hashes)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    String tuple =
        "(" + String.join(",", Collections.nCopies(RegistryColumns.COUNT + 1, "?")) + ")";
    String sql =
        UPSERT_HEAD + String.join(",", Collections.nCopies(rows.size(), tuple)) + UPSERT_TAIL;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      for (int r = 0; r < rows.size(); r++) {
        i = RegistryColumns.bind(ps, i, rows.get(r));
        ps.setBytes(i++, hashes.get(r));
      }
      ps.executeUpdate();
    }
  }

  /** The MD5 of an entry's values, to tell changed rows from unchanged ones. */
  static byte[] hash(RegistryEntry e) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      md5.update(e.toString().getBytes(StandardCharsets.UTF_8));
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

    void error(long line, String message) {
      bad++;
      if (errors.size() < MAX_ERRORS_KEPT) {
        errors.add(new ImportSummary.RowError(line, message.replaceFirst("^line \\d+: ", "")));
      }
    }
  }
}
