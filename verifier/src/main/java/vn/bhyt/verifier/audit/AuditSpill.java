package vn.bhyt.verifier.audit;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bhyt.domain.Ulids;

/**
 * Check records kept on disk while the writers' queue is full, until the writers take them: the
 * overflow of {@link JdbcCheckLog}, so that a check is never refused because the database is
 * behind, and no record is lost while it catches up.
 *
 * <p>Records are appended to segment files of up to {@value #SEGMENT_RECORDS} records in a
 * directory this spill holds a lock on for its lifetime: a second spill for the same directory
 * (another process, or another log in this one) takes the next free sibling ({@code dir-2}, {@code
 * dir-3}, …). What a directory holds when its lock is taken is left from a process that stopped
 * before its writers took it: it is handed to the writers first. A segment is deleted only after
 * its records were written, and records are written with {@code INSERT IGNORE} by their check id,
 * so a segment written twice (a crash between the insert and the delete) records each check once.
 *
 * <p>Appends are buffered: like a record in the queue, a record not yet flushed is lost if the
 * process dies. Segments are flushed when full and when the writers ask for records.
 */
final class AuditSpill implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AuditSpill.class);
  static final int SEGMENT_RECORDS = 20_000;
  private static final String SUFFIX = ".records";

  /** Marks a record as written before records named the clerk and the receipt's key. */
  private static final byte MARK_V1 = 1;

  /** Marks a record: one byte before each, so that a segment of an earlier version still reads. */
  private static final byte MARK = 2;

  private final Path dir;
  private final long maxBytes;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Deque<Path> closed = new ArrayDeque<>();
  private long bytes;
  private @Nullable Segment open;
  private boolean broken;

  private AuditSpill(Path dir, long maxBytes, FileChannel lockChannel, FileLock lock) {
    this.dir = dir;
    this.maxBytes = maxBytes;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Opens the first directory of {@code base}, {@code base-2}, {@code base-3}, … no other spill
   * holds, creating it owner-only, and queues the segments left in it.
   *
   * @param maxBytes the most the segments may hold together; beyond it appends are refused
   */
  static AuditSpill open(Path base, long maxBytes) throws IOException {
    for (int n = 1; n <= 64; n++) {
      Path dir = n == 1 ? base : base.resolveSibling(base.getFileName() + "-" + n);
      createPrivate(dir);
      FileChannel channel =
          FileChannel.open(
              dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        continue;
      }
      AuditSpill spill = new AuditSpill(dir, maxBytes, channel, lock);
      spill.recover();
      return spill;
    }
    throw new IOException("every audit spill directory beside " + base + " is in use");
  }

  private static void createPrivate(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    try {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException e) {
      Files.createDirectories(dir);
    } catch (FileAlreadyExistsException e) {
      // made meanwhile by another spill
    }
  }

  private void recover() throws IOException {
    try (DirectoryStream<Path> left = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path segment : left) {
        closed.add(segment);
        bytes += Files.size(segment);
      }
    }
    if (!closed.isEmpty()) {
      log.warn(
          "{} audit segments of an earlier run are waiting in {}: they are written first",
          closed.size(),
          dir);
    }
  }

  /** The directory this spill holds. */
  Path dir() {
    return dir;
  }

  /** The bytes of the records waiting on disk. */
  synchronized long bytes() {
    return bytes;
  }

  /**
   * Appends a record.
   *
   * @return false when the segments hold {@code maxBytes} or the disk refused a write: the record
   *     is not kept
   */
  synchronized boolean append(JdbcCheckLog.Row row) {
    if (broken || bytes >= maxBytes) {
      return false;
    }
    try {
      if (open == null) {
        open = Segment.create(dir.resolve(Ulids.next(Instant.now()) + SUFFIX));
      }
      int written = open.append(row);
      bytes += written;
      if (open.records >= SEGMENT_RECORDS) {
        rotate();
      }
      return true;
    } catch (IOException e) {
      broken = true;
      log.error("audit spill in {} failed: {}; checks are refused once the queue is full", dir, e);
      return false;
    }
  }

  private void rotate() throws IOException {
    Segment full = open;
    if (full == null) {
      return;
    }
    open = null;
    full.close();
    closed.add(full.path);
  }

  /**
   * Takes the oldest segment for writing, closing the one being appended to if no other waits, or
   * null when the disk holds no record. Call {@link #done} once its records are in the database.
   */
  synchronized @Nullable Path take() {
    if (closed.isEmpty() && open != null && open.records > 0) {
      try {
        rotate();
      } catch (IOException e) {
        broken = true;
        log.error("audit spill in {} failed: {}", dir, e.toString());
      }
    }
    return closed.poll();
  }

  /** Deletes a segment whose records are in the database. */
  void done(Path segment) throws IOException {
    long size = Files.size(segment);
    Files.delete(segment);
    synchronized (this) {
      bytes -= size;
    }
  }

  /**
   * Gives a segment back after its records could not be written, to be taken again; it goes to the
   * front, since it is the oldest.
   */
  synchronized void giveBack(Path segment) {
    closed.addFirst(segment);
  }

  /**
   * Reads a segment's records. A record cut short at the end (the process stopped while writing it)
   * is left out.
   */
  static List<JdbcCheckLog.Row> read(Path segment) throws IOException {
    List<JdbcCheckLog.Row> rows = new ArrayList<>();
    try (InputStream file = Files.newInputStream(segment);
        DataInputStream in = new DataInputStream(new BufferedInputStream(file, 1 << 16))) {
      while (true) {
        int mark = in.read();
        if (mark < 0) {
          return rows;
        }
        if (mark != MARK && mark != MARK_V1) {
          log.warn(
              "audit segment {}: unreadable after {} records", segment.getFileName(), rows.size());
          return rows;
        }
        try {
          rows.add(readRow(in, mark == MARK));
        } catch (EOFException e) {
          log.warn("audit segment {}: last record cut short", segment.getFileName());
          return rows;
        }
      }
    }
  }

  private static JdbcCheckLog.Row readRow(DataInputStream in, boolean current) throws IOException {
    byte[] id = new byte[16];
    in.readFully(id);
    Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
    String token = in.readUTF();
    String clerkName = current ? optional(in) : null;
    String clerkCitizenId = current ? optional(in) : null;
    byte[] hash = null;
    if (in.readBoolean()) {
      hash = new byte[8];
      in.readFully(hash);
    }
    String result = in.readUTF();
    String outcome = in.readUTF();
    String source = in.readUTF();
    Integer keyVersion = current && in.readBoolean() ? (int) in.readShort() : null;
    return new JdbcCheckLog.Row(
        id, at, token, clerkName, clerkCitizenId, hash, result, outcome, source, keyVersion);
  }

  private static @Nullable String optional(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  /** Flushes and closes the segment being appended to; the records stay for the next run. */
  @Override
  public synchronized void close() {
    try {
      rotate();
    } catch (IOException e) {
      log.error("audit spill in {}: the last segment could not be closed: {}", dir, e.toString());
    }
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      log.warn("audit spill in {}: the lock could not be released: {}", dir, e.toString());
    }
  }

  /** The segment being appended to. */
  private static final class Segment {
    final Path path;
    final DataOutputStream out;
    int records;

    private Segment(Path path, DataOutputStream out) {
      this.path = path;
      this.out = out;
    }

    static Segment create(Path path) throws IOException {
      FileChannel channel =
          FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      return new Segment(
          path,
          new DataOutputStream(
              new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)));
    }

    /** Appends a record and says how many bytes it took. */
    int append(JdbcCheckLog.Row row) throws IOException {
      int before = out.size();
      out.writeByte(MARK);
      out.write(row.checkId());
      Instant at = row.checkedAt();
      long seconds = at.getEpochSecond();
      out.writeLong(seconds);
      out.writeInt(at.getNano());
      out.writeUTF(row.tokenName());
      optional(row.clerkName());
      optional(row.clerkCitizenId());
      byte[] hash = row.cardHash();
      out.writeBoolean(hash != null);
      if (hash != null) {
        out.write(hash);
      }
      out.writeUTF(row.result());
      out.writeUTF(row.outcome());
      out.writeUTF(row.source());
      Integer keyVersion = row.keyVersion();
      out.writeBoolean(keyVersion != null);
      if (keyVersion != null) {
        out.writeShort(keyVersion);
      }
      records++;
      return out.size() - before;
    }

    private void optional(@Nullable String text) throws IOException {
      out.writeBoolean(text != null);
      if (text != null) {
        out.writeUTF(text);
      }
    }

    void close() throws IOException {
      out.close();
    }
  }
}
