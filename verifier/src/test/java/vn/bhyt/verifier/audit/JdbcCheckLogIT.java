package vn.bhyt.verifier.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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

    assertThat(count("SELECT COUNT(*) FROM card_check")).isEqualTo(20_000);
    assertThat(count("SELECT COUNT(DISTINCT check_id) FROM card_check")).isEqualTo(20_000);
    assertThat(count("SELECT COUNT(*) FROM card_check WHERE card_hash = UNHEX('abcdef0123456789')"))
        .isEqualTo(20_000);
    assertThat(
            count("SELECT COUNT(*) FROM card_check WHERE checked_at = '2026-11-23 08:00:00.125'"))
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
          new CheckRecord(id(9, 1), Instant.EPOCH, "desk-1", "abcdef", "000", "valid", "registry");
      assertThatThrownBy(() -> log.record(shortHash)).isInstanceOf(IllegalArgumentException.class);
    } finally {
      log.close();
    }
  }

  /** A check id of one millisecond, numbered by thread and count in its random part. */
  private static String id(int thread, int i) {
    return String.format("01KAQ7Z4M3%02d%014d", thread, i);
  }

  private static CheckRecord record(String id) {
    return new CheckRecord(
        id,
        Instant.parse("2026-11-23T08:00:00.125Z"),
        "desk-1",
        "abcdef0123456789",
        "000",
        "valid",
        "registry");
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
