package vn.bhyt.verifier.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bhyt.domain.Ulids;

/**
 * Writes check records to {@code card_check} in batches from two threads of its own, so that one
 * batch is prepared while the other is written.
 *
 * <p>Records wait in a bounded queue; a batch collects them for 50 ms (or up to 2,000), so a record
 * reaches the database about 50 ms after its check. While the database is down, records stay queued
 * and are retried; when the queue is full, {@link #record} refuses the record, so that no check is
 * answered without its record; refusals are counted ({@code audit.refused}) and logged at most
 * every 10 seconds. Batches go out as one bulk statement (MariaDB's {@code COM_STMT_BULK_EXECUTE}).
 */
public final class JdbcCheckLog implements CheckLog, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(JdbcCheckLog.class);
  private static final int CAPACITY = 100_000;
  private static final int BATCH = 2_000;
  private static final int WRITERS = 2;
  private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
  private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
  private static final long REFUSAL_LOG_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final String INSERT =
      "INSERT IGNORE INTO card_check"
          + " (check_id, checked_at, token_name, card_hash, result, outcome, source)"
          + " VALUES (?,?,?,?,?,?,?)";

  private final DataSource ds;
  private final BlockingQueue<Row> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final Counter refused;
  private final List<Thread> writers = new ArrayList<>();
  private volatile boolean running = true;
  private final AtomicLong lastRefusalLog = new AtomicLong(System.nanoTime() - REFUSAL_LOG_NANOS);

  public JdbcCheckLog(DataSource ds, MeterRegistry metrics) {
    this.ds = ds;
    this.refused =
        Counter.builder("audit.refused")
            .description("card checks refused because the audit queue was full")
            .register(metrics == null ? Metrics.globalRegistry : metrics);
    for (int i = 1; i <= WRITERS; i++) {
      Thread writer = new Thread(this::run, "audit-writer-" + i);
      writer.setDaemon(true);
      writer.start();
      writers.add(writer);
    }
  }

  /**
   * Queues a record.
   *
   * @throws IllegalArgumentException when its check id is not a ULID or its card hash not 16 hex
   *     digits, so that no such record reaches the writers
   */
  @Override
  public boolean record(CheckRecord record) {
    Row row = Row.of(record);
    if (queue.offer(row)) {
      return true;
    }
    refused.increment();
    long now = System.nanoTime();
    long last = lastRefusalLog.get();
    if (now - last >= REFUSAL_LOG_NANOS && lastRefusalLog.compareAndSet(last, now)) {
      log.error(
          "audit queue full: card checks are refused until it drains ({} so far)",
          (long) refused.count());
    }
    return false;
  }

  private void run() {
    List<Row> batch = new ArrayList<>(BATCH);
    while (running || !queue.isEmpty() || !batch.isEmpty()) {
      try {
        if (batch.isEmpty()) {
          Row first = queue.poll(200, TimeUnit.MILLISECONDS);
          if (first == null) {
            continue;
          }
          batch.add(first);
        }
        gather(batch);
        write(batch);
        batch.clear();
      } catch (InterruptedException e) {
        running = false;
      } catch (SQLException e) {
        log.warn("audit write failed, retrying: {}", e.toString());
        if (!running) {
          log.error("{} card checks not recorded at shutdown", batch.size() + queue.size());
          return;
        }
        pause();
      }
    }
  }

  /**
   * Fills the batch from the queue for up to {@link #LINGER_NANOS} after its first record. The
   * writer sleeps meanwhile instead of waiting on the queue, so that checks never wake it: under
   * load a batch fills in a few milliseconds and goes out as one statement.
   */
  private void gather(List<Row> batch) {
    long deadline = System.nanoTime() + LINGER_NANOS;
    while (true) {
      queue.drainTo(batch, BATCH - batch.size());
      long left = deadline - System.nanoTime();
      if (batch.size() >= BATCH || left <= 0 || !running) {
        return;
      }
      LockSupport.parkNanos(Math.min(left, PARK_NANOS));
    }
  }

  private void write(List<Row> batch) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(INSERT)) {
      for (Row row : batch) {
        CheckRecord r = row.record();
        ps.setBytes(1, row.checkId());
        ps.setObject(2, LocalDateTime.ofInstant(r.checkedAt(), ZoneOffset.UTC));
        ps.setString(3, r.tokenName());
        ps.setBytes(4, row.cardHash());
        ps.setString(5, r.result());
        ps.setString(6, r.outcome());
        ps.setString(7, r.source());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** A record with its id and card hash as the table stores them. */
  @SuppressWarnings("ArrayRecordComponent") // a private row, bound once and never compared
  private record Row(CheckRecord record, byte[] checkId, byte @Nullable [] cardHash) {
    static Row of(CheckRecord r) {
      byte[] hash = r.cardHash() == null ? null : HexFormat.of().parseHex(r.cardHash());
      if (hash != null && hash.length != 8) {
        throw new IllegalArgumentException("card hash: " + hash.length + " bytes (expected: 8)");
      }
      return new Row(r, Ulids.bytes(r.checkId()), hash);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Writes what is queued and stops. */
  @Override
  public void close() {
    running = false;
    try {
      for (Thread writer : writers) {
        writer.join(10_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
