package vn.bhyt.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request body being written to a temporary file, readable by the gateway's user only.
 *
 * <p>The event loop hands the body's chunks in order to one thread of a small group ({@code
 * writer}), which opens the file, writes them and closes it; while more than {@link #HIGH_WATER}
 * bytes wait for it, the connection stops reading, until they are down to {@link #LOW_WATER}. The
 * file is deleted by {@link #delete()}, after everything handed to the writer before.
 */
final class BodyFile {
  /** Bytes waiting for the writer above which the connection stops reading. */
  static final long HIGH_WATER = 4L << 20;

  /** Bytes waiting for the writer at or below which the connection reads again. */
  static final long LOW_WATER = 1L << 20;

  private static final Logger log = LoggerFactory.getLogger(BodyFile.class);
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private final EventExecutor writer;
  private final Channel connection;
  private final AtomicLong pending = new AtomicLong();
  private final AtomicBoolean paused = new AtomicBoolean();
  private final CompletableFuture<BodyFile> finished = new CompletableFuture<>();
  private final Path directory;
  private long size;

  // Touched by the writer only.
  private @Nullable Path file;
  private @Nullable FileChannel out;
  private @Nullable IOException failure;
  private boolean deleted;

  private BodyFile(Path directory, EventExecutor writer, Channel connection) {
    this.directory = directory;
    this.writer = writer;
    this.connection = connection;
  }

  /** A body file, created by the writer in a directory. */
  static BodyFile open(Path directory, EventExecutor writer, Channel connection) {
    BodyFile body = new BodyFile(directory, writer, connection);
    writer.execute(body::create);
    return body;
  }

  /** Creates a directory for body files if it is missing, readable by this user only. */
  static void prepare(Path directory) throws IOException {
    Files.createDirectories(directory, ownerOnly("rwx------"));
  }

  /** Hands a chunk to the writer, which releases it; called on the event loop. */
  void write(ByteBuf chunk) {
    int n = chunk.readableBytes();
    size += n;
    writer.execute(() -> append(chunk, n));
    if (pending.addAndGet(n) > HIGH_WATER && paused.compareAndSet(false, true)) {
      connection.config().setAutoRead(false);
      if (pending.get() <= LOW_WATER) {
        resume();
      }
    }
  }

  /** Closes the file once the chunks before are written; the stage fails if any write failed. */
  CompletableFuture<BodyFile> finish() {
    writer.execute(
        () -> {
          close();
          IOException f = failure;
          if (f != null) {
            finished.completeExceptionally(f);
          } else {
            finished.complete(this);
          }
        });
    return finished;
  }

  /** Completes when the whole body is in the file. */
  CompletableFuture<BodyFile> finished() {
    return finished;
  }

  /** Deletes the file, after the chunks handed on before; whatever reads it next fails. */
  void delete() {
    writer.execute(
        () -> {
          close();
          deleted = true;
          Path f = file;
          if (f != null) {
            try {
              Files.deleteIfExists(f);
            } catch (IOException e) {
              log.error("a request body's file could not be deleted: {}", f, e);
            }
          }
          if (!finished.isDone()) {
            finished.completeExceptionally(new IOException("the request body was abandoned"));
          }
        });
  }

  /** The body's size in bytes, once finished. */
  long size() {
    return size;
  }

  /** The body's bytes, once finished. */
  InputStream openStream() throws IOException {
    Path f = file;
    if (f == null || !finished.isDone() || finished.isCompletedExceptionally()) {
      throw new IOException("the request body is not in its file");
    }
    return Files.newInputStream(f);
  }

  private void create() {
    try {
      Path f = Files.createTempFile(directory, "body-", ".spool", ownerOnly("rw-------"));
      file = f;
      out = FileChannel.open(f, StandardOpenOption.WRITE);
    } catch (IOException e) {
      failure = e;
    }
  }

  private void append(ByteBuf chunk, int n) {
    try {
      FileChannel o = out;
      if (o != null && failure == null && !deleted) {
        while (chunk.isReadable()) {
          chunk.readBytes(o, chunk.readableBytes());
        }
      }
    } catch (IOException e) {
      failure = e;
    } finally {
      chunk.release();
      if (pending.addAndGet(-n) <= LOW_WATER && paused.get()) {
        connection.eventLoop().execute(this::resume);
      }
    }
  }

  /** Reads from the connection again; on the event loop. */
  private void resume() {
    if (paused.compareAndSet(true, false)) {
      connection.config().setAutoRead(true);
    }
  }

  private void close() {
    FileChannel o = out;
    out = null;
    if (o != null) {
      try {
        o.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        }
      }
    }
  }

  private static FileAttribute<?>[] ownerOnly(String permissions) {
    if (!POSIX) {
      return new FileAttribute<?>[0];
    }
    Set<PosixFilePermission> p = PosixFilePermissions.fromString(permissions);
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(p)};
  }
}
