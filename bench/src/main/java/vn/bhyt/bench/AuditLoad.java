package vn.bhyt.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import vn.bhyt.domain.Ulids;
import vn.bhyt.persistence.TestDatabase;
import vn.bhyt.verifier.audit.CheckRecord;
import vn.bhyt.verifier.audit.JdbcCheckLog;

/**
 * Feeds the audit writer check records as fast as it takes them and prints how many it wrote per
 * second, and the CPU time per record of this JVM and of MariaDB (a throwaway server, unless {@code
 * GATEWAY_TEST_DB_URL} names one: then MariaDB's CPU is not counted). Argument, optional: records
 * (1,000,000) per round; two rounds. Then times the audit question "which checks concerned this
 * card" over all records.
 */
public final class AuditLoad {
  private AuditLoad() {}

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    String[] hashes = new String[10_000];
    HexFormat hex = HexFormat.of();
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = hex.toHexDigits(ThreadLocalRandom.current().nextLong());
    }
    try (TestDatabase db = TestDatabase.create()) {
      for (int round = 1; round <= 2; round++) {
        Duration jvm = CpuClock.used().minus(CpuClock.children());
        Duration children = CpuClock.children();
        long start = System.nanoTime();
        try (JdbcCheckLog log = new JdbcCheckLog(db.dataSource(), null)) {
          for (int i = 0; i < records; i++) {
            Instant now = Instant.now();
            CheckRecord r =
                new CheckRecord(
                    Ulids.next(now),
                    now,
                    "load",
                    hashes[i % hashes.length],
                    "000",
                    "valid",
                    "registry");
            while (!log.record(r)) {
              Thread.onSpinWait();
            }
          }
        }
        long nanos = System.nanoTime() - start;
        Duration jvmUsed = CpuClock.used().minus(CpuClock.children()).minus(jvm);
        Duration childUsed = CpuClock.children().minus(children);
        System.out.printf(
            Locale.ROOT,
            "round %d: %d records in %.2fs, %.0f/s, cpu per record: jvm %.1fus, mariadb %.1fus%n",
            round,
            records,
            nanos / 1e9,
            records * 1e9 / nanos,
            jvmUsed.toNanos() / 1e3 / records,
            childUsed.toNanos() / 1e3 / records);
      }
      scan(db, hashes[0], 2L * records);
    }
  }

  /** Times the audit question "which checks concerned this card" over all records written. */
  private static void scan(TestDatabase db, String hash, long records) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT check_id FROM card_check WHERE card_hash = UNHEX(?)")) {
      for (int i = 1; i <= 3; i++) {
        long start = System.nanoTime();
        int found = 0;
        ps.setString(1, hash);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            found++;
          }
        }
        System.out.printf(
            Locale.ROOT,
            "checks of one card among %d records: %d found in %.0f ms%n",
            records,
            found,
            (System.nanoTime() - start) / 1e6);
      }
    }
  }
}
