package vn.bhyt.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 * card" over all records. Last, feeds twice as many records while the table is locked (the database
 * behind), so that they go to the spill, and times how long the writers take to catch up.
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
                    null,
                    null,
                    hashes[i % hashes.length],
                    "000",
                    "valid",
                    "registry",
                    1);
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
      behind(db, hashes, 2 * records);
    }
  }

  /**
   * Feeds the writer while {@code card_check} is locked (the database behind: nothing is written),
   * then unlocks it, and prints how many records were taken, spilled and refused, the bytes on
   * disk, how long the writers took to catch up, and how many records the table has.
   */
  private static void behind(TestDatabase db, String[] hashes, int records) throws Exception {
    Path spill = Files.createTempDirectory("audit-spill");
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    JdbcCheckLog log = new JdbcCheckLog(db.dataSource(), metrics, spill);
    long fed;
    long spilledBytes;
    try (Connection locker = db.dataSource().getConnection();
        Statement s = locker.createStatement()) {
      s.execute("LOCK TABLES card_check WRITE");
      long start = System.nanoTime();
      for (int i = 0; i < records; i++) {
        Instant now = Instant.now();
        log.record(
            new CheckRecord(
                Ulids.next(now),
                now,
                "behind",
                null,
                null,
                hashes[i % hashes.length],
                "000",
                "valid",
                "registry",
                1));
      }
      fed = System.nanoTime() - start;
      spilledBytes = log.spilledBytes();
      s.execute("UNLOCK TABLES");
    }
    long unlocked = System.nanoTime();
    log.close();
    long caughtUp = System.nanoTime() - unlocked;
    long written;
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT COUNT(*) FROM card_check WHERE token_name = 'behind'")) {
      rs.next();
      written = rs.getLong(1);
    }
    System.out.printf(
        Locale.ROOT,
        "database behind: %d records taken in %.2fs (%.0f/s), %.0f spilled (%.1f MB on disk),"
            + " %.0f refused; caught up %.2fs after the unlock; %d in the table%n",
        records,
        fed / 1e9,
        records * 1e9 / fed,
        metrics.counter("audit.spilled").count(),
        spilledBytes / 1e6,
        metrics.counter("audit.refused").count(),
        caughtUp / 1e9,
        written);
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
