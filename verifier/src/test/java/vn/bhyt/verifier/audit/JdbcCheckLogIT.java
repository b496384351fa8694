package vn.bhyt.verifier.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bhyt.persistence.TestDatabase;

/** The audit trail against a real MariaDB: every record written once, also from many threads. */
class JdbcCheckLogIT {
  static TestDatabase db;

  @BeforeAll
  static void database() {
    db = TestDatabase.create();
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void everyRecordFromManyThreadsIsWrittenOnceByClose() throws Exception {
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    JdbcCheckLog log = new JdbcCheckLog(db.dataSource(), metrics);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    List<Future<?>> sent = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      sent.add(
          threads.submit(
              () -> {
                for (int i = 0; i < 2_500; i++) {
                  log.record(record(id(thread, i)));
                }
              }));
    }
    for (Future<?> f : sent) {
      f.get();
    }
    threads.shutdown();
    log.record(record(id(0, 0)));
    log.close();

    assertThat(count("SELECT COUNT(*) FROM card_check WHERE token_name = 'desk-1'"))
        .isEqualTo(20_000);
    assertThat(count("SELECT COUNT(DISTINCT check_id) FROM card_check WHERE token_name = 'desk-1'"))
        .isEqualTo(20_000);
    assertThat(
            count(
                "SELECT COUNT(*) FROM card_check WHERE token_name = 'desk-1'"
                    + " AND card_hash = UNHEX('abcdef0123456789')"))
        .isEqualTo(20_000);
    assertThat(
            count(
                "SELECT COUNT(*) FROM card_check WHERE token_name = 'desk-1'"
                    + " AND checked_at = '2026-11-23 08:00:00.125'"))
        .as("the check's time in UTC, to the millisecond")
        .isEqualTo(20_000);
    assertThat(metrics.counter("audit.refused").count()).isZero();
  }

  @Test
  void aRecordWhoseIdOrHashTheTableCannotHoldIsRefusedBeforeItIsQueued() {
    JdbcCheckLog log = new JdbcCheckLog(db.dataSource(), new SimpleMeterRegistry());
    try {
      assertThatThrownBy(() -> log.record(record("T00" + "0".repeat(23))))
          .isInstanceOf(IllegalArgumentException.class);
      CheckRecord shortHash =
          new CheckRecord(
              id(9, 1),
              Instant.EPOCH,
              "desk-1",
              null,
              null,
              "abcdef",
              "000",
              "valid",
              "registry",
              1);
      assertThatThrownBy(() -> log.record(shortHash)).isInstanceOf(IllegalArgumentException.class);
    } finally {
      log.close();
    }
  }

  @Test
  void checksGoOnBeingRecordedWhileTheDatabaseIsBehindAndEveryRecordIsWrittenOnce(@TempDir Path dir)
      throws Exception {
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    JdbcCheckLog log =
        new JdbcCheckLog(db.dataSource(), metrics, AuditSpill.open(dir, 1L << 30), 1_000);
    try (Connection locker = db.dataSource().getConnection();
        Statement s = locker.createStatement()) {
      s.execute("LOCK TABLES card_check WRITE");
      for (int i = 0; i < 50_000; i++) {
        assertThat(log.record(record(id(51, i), "behind"))).as("record %d", i).isTrue();
      }
      assertThat(metrics.counter("audit.spilled").count())
          .as("records beyond the queue and the two batches held by the blocked writers")
          .isGreaterThanOrEqualTo(50_000 - 1_000 - 2 * 2_000);
      assertThat(log.spilledBytes()).isPositive();
      try (ResultSet rs =
          s.executeQuery("SELECT COUNT(*) FROM card_check WHERE token_name = 'behind'")) {
        rs.next();
        assertThat(rs.getLong(1)).as("written while the table is locked").isZero();
      }
      s.execute("UNLOCK TABLES");
    }
    log.close();

    assertThat(count("SELECT COUNT(*) FROM card_check WHERE token_name = 'behind'"))
        .isEqualTo(50_000);
    assertThat(metrics.counter("audit.refused").count()).isZero();
    assertThat(segments(dir)).as("segments left on disk").isEmpty();
  }

  @Test
  void recordsLeftOnDiskByAnEarlierRunAreWrittenByTheNextOneAndAHalfWrittenRecordIsDropped(
      @TempDir Path dir) throws Exception {
    try (AuditSpill earlier = AuditSpill.open(dir, 1L << 30)) {
      for (int i = 0; i < 30_000; i++) {
        assertThat(earlier.append(JdbcCheckLog.Row.of(record(id(52, i), "earlier")))).isTrue();
      }
    }
    List<Path> left = segments(dir);
    assertThat(left).hasSize(2);
    Path last = left.stream().max(Path::compareTo).orElseThrow();
    long size = Files.size(last);
    try (FileChannel cut = FileChannel.open(last, StandardOpenOption.WRITE)) {
      cut.truncate(size - 5);
    }

    JdbcCheckLog next = new JdbcCheckLog(db.dataSource(), new SimpleMeterRegistry(), dir);
    next.close();

    assertThat(count("SELECT COUNT(*) FROM card_check WHERE token_name = 'earlier'"))
        .isEqualTo(29_999);
    assertThat(segments(dir)).isEmpty();
  }

  @Test
  void aRecordReadsBackAsWrittenWithItsClerkAndKeyVersionFromTheQueueAndFromTheSpill(
      @TempDir Path dir) throws Exception {
    CheckRecord queued = clerks(id(55, 1));
    CheckRecord spilled = clerks(id(55, 2));
    try (AuditSpill earlier = AuditSpill.open(dir, 1L << 30)) {
      assertThat(earlier.append(JdbcCheckLog.Row.of(spilled))).isTrue();
    }
    JdbcCheckLog log = new JdbcCheckLog(db.dataSource(), new SimpleMeterRegistry(), dir);
    assertThat(log.record(queued)).isTrue();
    log.close();
    JdbcCheckRecords records = new JdbcCheckRecords(db.dataSource());
    assertThat(records.byId(queued.checkId())).contains(queued);
    assertThat(records.byId(spilled.checkId())).contains(spilled);
    assertThat(records.byId(id(55, 3))).isEmpty();
  }

  @Test
  void aSegmentWrittenBeforeRecordsNamedTheClerkStillReads(@TempDir Path dir) throws Exception {
    Path segment = dir.resolve("01KAQ7Z4M30000000000000000.records");
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(segment))) {
      out.writeByte(1);
      out.write(vn.bhyt.domain.Ulids.bytes(id(54, 1)));
      out.writeLong(Instant.parse("2026-11-23T08:00:00.125Z").getEpochSecond());
      out.writeInt(125_000_000);
      out.writeUTF("old-desk");
      out.writeBoolean(true);
      out.write(java.util.HexFormat.of().parseHex("abcdef0123456789"));
      out.writeUTF("000");
      out.writeUTF("valid");
      out.writeUTF("registry");
    }
    assertThat(AuditSpill.read(segment))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.tokenName()).isEqualTo("old-desk");
              assertThat(row.clerkName()).isNull();
              assertThat(row.keyVersion()).isNull();
              assertThat(row.source()).isEqualTo("registry");
            });
    JdbcCheckLog log = new JdbcCheckLog(db.dataSource(), new SimpleMeterRegistry(), dir);
    log.close();
    assertThat(new JdbcCheckRecords(db.dataSource()).byId(id(54, 1)))
        .hasValueSatisfying(r -> assertThat(r.keyVersion()).isNull());
  }

  private static CheckRecord clerks(String id) {
    return new CheckRecord(
        id,
        Instant.parse("2026-11-23T08:00:00.125Z"),
        "desk-2",
        "Lê Thị Hoa",
        "079190001234",
        "abcdef0123456789",
        "000",
        "valid",
        "fund",
        3);
  }

  @Test
  void twoLogsNeverShareASpillDirectory(@TempDir Path dir) throws Exception {
    try (AuditSpill first = AuditSpill.open(dir.resolve("spill"), 1L << 30);
        AuditSpill second = AuditSpill.open(dir.resolve("spill"), 1L << 30)) {
      assertThat(first.dir()).isEqualTo(dir.resolve("spill"));
      assertThat(second.dir()).isEqualTo(dir.resolve("spill-2"));
    }
    try (AuditSpill again = AuditSpill.open(dir.resolve("spill"), 1L << 30)) {
      assertThat(again.dir()).as("free again once closed").isEqualTo(dir.resolve("spill"));
    }
  }

  @Test
  void checksAreRefusedOnlyWhenTheQueueAndTheSpillAreFull(@TempDir Path dir) throws Exception {
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    JdbcCheckLog log =
        new JdbcCheckLog(db.dataSource(), metrics, AuditSpill.open(dir, 10_000), 100);
    int kept = 0;
    try (Connection locker = db.dataSource().getConnection();
        Statement s = locker.createStatement()) {
      s.execute("LOCK TABLES card_check WRITE");
      for (int i = 0; i < 5_000; i++) {
        if (log.record(record(id(53, i), "full"))) {
          kept++;
        }
      }
      s.execute("UNLOCK TABLES");
    }
    log.close();

    assertThat(kept).isLessThan(5_000);
    assertThat(metrics.counter("audit.refused").count()).isEqualTo(5_000 - kept);
    assertThat(count("SELECT COUNT(*) FROM card_check WHERE token_name = 'full'"))
        .as("every record kept is written")
        .isEqualTo(kept);
  }

  private static List<Path> segments(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".records")).toList();
    }
  }

  /** A check id of one millisecond, numbered by thread and count in its random part. */
  private static String id(int thread, int i) {
    return String.format("01KAQ7Z4M3%02d%014d", thread, i);
  }

  private static CheckRecord record(String id) {
    return record(id, "desk-1");
  }

  private static CheckRecord record(String id, String token) {
    return new CheckRecord(
        id,
        Instant.parse("2026-11-23T08:00:00.125Z"),
        token,
        null,
        null,
        "abcdef0123456789",
        "000",
        "valid",
        "registry",
        1);
  }

  private static long count(String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
