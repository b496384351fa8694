package vn.bhyt.verifier.audit;

import static org.assertj.core.api.Assertions.assertThat;

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
                  log.record(record(String.format("T%02d%023d", thread, i)));
                }
              }));
    }
    for (Future<?> f : sent) {
      f.get();
    }
    threads.shutdown();
    log.record(record(String.format("T%02d%023d", 0, 0)));
    log.close();

    assertThat(count("SELECT COUNT(*) FROM card_check")).isEqualTo(20_000);
    assertThat(count("SELECT COUNT(DISTINCT check_id) FROM card_check")).isEqualTo(20_000);
    assertThat(count("SELECT COUNT(*) FROM card_check WHERE card_hash = 'abcdef0123456789'"))
        .isEqualTo(20_000);
    assertThat(metrics.counter("audit.refused").count()).isZero();
  }

  private static CheckRecord record(String id) {
    return new CheckRecord(
        id,
        Instant.parse("2026-11-23T08:00:00Z"),
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
