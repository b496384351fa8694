package vn.bhyt.verifier.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import vn.bhyt.domain.Ulids;
import vn.bhyt.persistence.TestDatabase;

/**
 * Migration V7 turns the check records already written into binary: the SQL conversion of ids gives
 * the bytes {@link Ulids#bytes} gives, and every record keeps its other columns.
 */
class CardCheckBinaryMigrationIT {
  @Test
  void recordsWrittenAsTextReadTheSameInBinary() throws SQLException {
    try (TestDatabase db = TestDatabase.create(MigrationVersion.fromVersion("6"))) {
      Random random = new Random(61);
      Map<String, String> hashes = new LinkedHashMap<>();
      for (int i = 0; i < 500; i++) {
        Instant at = Instant.ofEpochMilli(random.nextLong(1L << 48));
        hashes.put(Ulids.next(at), i % 7 == 0 ? null : hex(random));
      }
      hashes.put("7ZZZZZZZZZZZZZZZZZZZZZZZZZ", hex(random));
      hashes.put("00000000000000000000000000", null);
      try (Connection c = db.dataSource().getConnection();
          PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO card_check"
                      + " (check_id, checked_at, token_name, card_hash, result, outcome, source)"
                      + " VALUES (?, '2026-11-24 08:00:00.123', 'desk-1', ?, '000', 'valid',"
                      + " 'registry')")) {
        for (Map.Entry<String, String> e : hashes.entrySet()) {
          ps.setString(1, e.getKey());
          ps.setString(2, e.getValue());
          ps.addBatch();
        }
        ps.executeBatch();
      }

      db.migrate();

      Map<String, String> migrated = new LinkedHashMap<>();
      try (Connection c = db.dataSource().getConnection();
          PreparedStatement ps =
              c.prepareStatement(
                  "SELECT check_id, card_hash, checked_at, token_name, result, outcome, source"
                      + " FROM card_check ORDER BY check_id");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byte[] hash = rs.getBytes(2);
          migrated.put(
              HexFormat.of().formatHex(rs.getBytes(1)),
              hash == null ? null : HexFormat.of().formatHex(hash));
          assertThat(rs.getObject(3, LocalDateTime.class))
              .isEqualTo(LocalDateTime.parse("2026-11-24T08:00:00.123"));
          assertThat(rs.getString(4) + rs.getString(5) + rs.getString(6) + rs.getString(7))
              .isEqualTo("desk-1000validregistry");
        }
      }
      Map<String, String> expected = new LinkedHashMap<>();
      hashes.keySet().stream()
          .sorted()
          .forEach(id -> expected.put(HexFormat.of().formatHex(Ulids.bytes(id)), hashes.get(id)));
      assertThat(migrated).containsExactlyEntriesOf(expected);
    }
  }

  private static String hex(Random random) {
    return String.format("%016x", random.nextLong());
  }
}
