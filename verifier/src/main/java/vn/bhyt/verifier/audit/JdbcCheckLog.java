package vn.bhyt.verifier.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
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
 * reaches the database about 50 ms after its check. Batches go out as one bulk statement (MariaDB's
 * {@code COM_STMT_BULK_EXECUTE}). While the database is down or behind, records stay queued and are
 * retried. When the queue is full, records go to the spill on disk ({@link AuditSpill}), which the
 * writers empty once the queue has room again: a check is answered with its record kept, and is
 * refused ({@link #record} false) only when the spill is full too, or when there is no spill. The
 * records spilled and refused are counted ({@code audit.spilled}, {@code audit.refused}); refusals
 * are logged at most every 10 seconds.
 */
public final class JdbcCheckLog implements CheckLog, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(JdbcCheckLog.class);
  static final int CAPACITY = 100_000;
  private static final int BATCH = 2_000;
  private static final int WRITERS = 2;

  /** The most the spill may hold: about ten million records. */
  private static final long SPILL_MAX_BYTES = 1L << 30;

  private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
  private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
  private static final long REFUSAL_LOG_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final String INSERT =
      "INSERT IGNORE INTO card_check"
          + " (check_id, checked_at, token_name, clerk_name, clerk_citizen_id, card_hash, result,"
          + " outcome, source, key_version)"
          + " VALUES (?,?,?,?,?,?,?,?,?,?)";

  private final DataSource ds;
  private final int capacity;
  private final BlockingQueue<Row> queue;
  private final @Nullable AuditSpill spill;
  private final Counter spilled;
  private final Counter refused;
  private final List<Thread> writers = new ArrayList<>();
  private volatile boolean running = true;
  private final AtomicLong lastRefusalLog = new AtomicLong(System.nanoTime() - REFUSAL_LOG_NANOS);

  /** A log without a spill: when its queue is full, records are refused. */
  public JdbcCheckLog(DataSource ds, @Nullable MeterRegistry metrics) {
    this(ds, metrics, null, CAPACITY);
  }

  /**
   * A log that spills to disk when its queue is full.
   *
   * @param spillDir the spill's directory (created owner-only if missing); when another log holds
   *     it, the first free sibling {@code spillDir-2}, {@code spillDir-3}, … is used
   * @throws IOException when no spill directory can be made or locked
   */
  public JdbcCheckLog(DataSource ds, @Nullable MeterRegistry metrics, Path spillDir)
      throws IOException {
    this(ds, metrics, AuditSpill.open(spillDir, SPILL_MAX_BYTES), CAPACITY);
  }

  JdbcCheckLog(
      DataSource ds, @Nullable MeterRegistry metrics, @Nullable AuditSpill spill, int capacity) {
    this.ds = ds;
    this.capacity = capacity;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.spill = spill;
    MeterRegistry registry = metrics == null ? Metrics.globalRegistry : metrics;
    this.spilled =
        Counter.builder("audit.spilled")
            .description("check records kept on disk because the audit queue was full")
            .register(registry);
    this.refused =
        Counter.builder("audit.refused")
            .description("card checks refused because the audit queue and its spill were full")
            .register(registry);
    Gauge.builder("audit.queued", queue, BlockingQueue::size)
        .description("check records waiting in memory for the database")
        .register(registry);
    if (spill != null) {
      Gauge.builder("audit.spill.bytes", spill, AuditSpill::bytes)
          .description("bytes of check records waiting on disk for the database")
          .baseUnit("bytes")
          .register(registry);
    }
    for (int i = 1; i <= WRITERS; i++) {
      Thread writer = new Thread(this::run, "audit-writer-" + i);
      writer.setDaemon(true);
      writer.start();
      writers.add(writer);
    }
  }

  /**
   * Queues a record, or spills it when the queue is full.
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
    if (spill != null && spill.append(row)) {
      spilled.increment();
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

  /** Records waiting in memory for the database. */
  public int queued() {
    return queue.size();
  }

  /** Bytes of records waiting on disk for the database (0 without a spill). */
  public long spilledBytes() {
    return spill == null ? 0 : spill.bytes();
  }

  private void run() {
    List<Row> batch = new ArrayList<>(BATCH);
    while (true) {
      try {
        if (batch.isEmpty()) {
          Row first = queue.poll(running ? 200 : 0, TimeUnit.MILLISECONDS);
          if (first == null) {
            if (!writeSpilled() && !running) {
              return;
            }
            continue;
          }
          batch.add(first);
        }
        gather(batch);
        write(batch);
        batch.clear();
        if (queue.size() < capacity / 2) {
          writeSpilled();
        }
      } catch (InterruptedException e) {
        running = false;
      } catch (SQLException e) {
        log.warn("audit write failed, retrying: {}", e.toString());
        if (!running) {
          queue.drainTo(batch);
          keep(batch);
          return;
        }
        pause();
      }
    }
  }

  /**
   * Writes one segment of spilled records, if there is one.
   *
   * @return whether a segment was written
   */
  private boolean writeSpilled() throws SQLException {
    if (spill == null) {
      return false;
    }
    Path segment = spill.take();
    if (segment == null) {
      return false;
    }
    List<Row> rows;
    try {
      rows = AuditSpill.read(segment);
    } catch (IOException e) {
      log.error("audit segment {} unreadable, left for the next run: {}", segment, e.toString());
      return false;
    }
    try {
      for (int from = 0; from < rows.size(); from += BATCH) {
        write(rows.subList(from, Math.min(rows.size(), from + BATCH)));
      }
    } catch (SQLException e) {
      spill.giveBack(segment);
      throw e;
    }
    try {
      spill.done(segment);
    } catch (IOException e) {
      log.warn("audit segment {} written but not deleted: {}", segment, e.toString());
    }
    return true;
  }

  /** At shutdown with the database down: keeps what is left in the spill for the next run. */
  private void keep(List<Row> rows) {
    int lost = 0;
    for (Row row : rows) {
      if (spill == null || !spill.append(row)) {
        lost++;
      }
    }
    if (lost > 0) {
      log.error("{} card checks not recorded at shutdown", lost);
    } else if (!rows.isEmpty()) {
      log.warn("{} card checks kept on disk for the next run", rows.size());
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
        ps.setBytes(1, row.checkId());
        ps.setObject(2, LocalDateTime.ofInstant(row.checkedAt(), ZoneOffset.UTC));
        ps.setString(3, row.tokenName());
        ps.setString(4, row.clerkName());
        ps.setString(5, row.clerkCitizenId());
        ps.setBytes(6, row.cardHash());
        ps.setString(7, row.result());
        ps.setString(8, row.outcome());
        ps.setString(9, row.source());
        ps.setObject(10, row.keyVersion());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** A record as the table stores it: its id and card hash as bytes. */
  @SuppressWarnings("ArrayRecordComponent") // a row, bound once and never compared
  record Row(
      byte[] checkId,
      Instant checkedAt,
      String tokenName,
      @Nullable String clerkName,
      @Nullable String clerkCitizenId,
      byte @Nullable [] cardHash,
      String result,
      String outcome,
      String source,
      @Nullable Integer keyVersion) {
    static Row of(CheckRecord r) {
      byte[] hash = r.cardHash() == null ? null : HexFormat.of().parseHex(r.cardHash());
      if (hash != null && hash.length != 8) {
        throw new IllegalArgumentException("card hash: " + hash.length + " bytes (expected: 8)");
      }
      return new Row(
          Ulids.bytes(r.checkId()),
          r.checkedAt(),
          r.tokenName(),
          r.clerkName(),
          r.clerkCitizenId(),
          hash,
          r.result(),
          r.outcome(),
          r.source(),
          r.keyVersion());
    }
  }

  private static void pause() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Writes what is queued and spilled, and stops; with the database down, what is left stays in the
   * spill for the next run.
   */
  @Override
  public void close() {
    running = false;
    try {
      for (Thread writer : writers) {
        writer.join(30_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (spill != null) {
      spill.close();
    }
  }
}
