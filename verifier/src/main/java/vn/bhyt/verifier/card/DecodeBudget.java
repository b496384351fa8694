package vn.bhyt.verifier.card;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import vn.bhyt.verifier.card.ImageDecodeException.Reason;

/**
 * The memory that picture decodes running at once may take, shared by the decoders given it. Each
 * decode holds the bytes its picture's header says it will allocate (the raster, the reader's
 * buffers inside and outside the heap, the QR search's copies) from before its first pixel is read
 * until its search ends. A decode that would need more than {@link #maxDecodeBytes()} is refused;
 * one that does not get its bytes within the wait, because larger decodes hold them, is refused as
 * busy. Safe to share between threads.
 */
public final class DecodeBudget {

  /** The bytes all decodes may hold at once by default: 256 MiB. */
  public static final long DEFAULT_TOTAL_BYTES = 256L << 20;

  /** The bytes one decode may hold by default: 128 MiB. */
  public static final long DEFAULT_MAX_DECODE_BYTES = 128L << 20;

  /** How long a decode waits for its bytes by default. */
  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(2);

  private static final int KIB = 1024;

  private final long totalBytes;
  private final long maxDecodeBytes;
  private final Duration wait;
  private final Semaphore kibibytes;
  private final AtomicLong heldKib = new AtomicLong();
  private final AtomicLong peakKib = new AtomicLong();

  /**
   * Creates a budget of {@code totalBytes} for all decodes at once, {@code maxDecodeBytes} for one,
   * each waiting at most {@code wait} for its share.
   */
  public DecodeBudget(long totalBytes, long maxDecodeBytes, Duration wait) {
    if (totalBytes < KIB || totalBytes / KIB > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "totalBytes: "
              + totalBytes
              + " (expected: 1024.."
              + (long) Integer.MAX_VALUE * KIB
              + ")");
    }
    if (maxDecodeBytes < 1 || maxDecodeBytes > totalBytes) {
      throw new IllegalArgumentException(
          "maxDecodeBytes: " + maxDecodeBytes + " (expected: 1.." + totalBytes + ")");
    }
    if (wait.isNegative()) {
      throw new IllegalArgumentException("wait: " + wait + " (expected: >= 0)");
    }
    this.totalBytes = totalBytes;
    this.maxDecodeBytes = maxDecodeBytes;
    this.wait = wait;
    this.kibibytes = new Semaphore((int) (totalBytes / KIB), true);
  }

  /** Returns a budget of {@link #DEFAULT_TOTAL_BYTES} and {@link #DEFAULT_MAX_DECODE_BYTES}. */
  public static DecodeBudget withDefaults() {
    return new DecodeBudget(DEFAULT_TOTAL_BYTES, DEFAULT_MAX_DECODE_BYTES, DEFAULT_WAIT);
  }

  /** The bytes all decodes may hold at once. */
  public long totalBytes() {
    return totalBytes;
  }

  /** The bytes one decode may hold. */
  public long maxDecodeBytes() {
    return maxDecodeBytes;
  }

  /** The most bytes decodes have held at once since this budget was made, in whole KiB. */
  public long peakBytes() {
    return peakKib.get() * KIB;
  }

  /** The bytes decodes hold now, in whole KiB. */
  public long heldBytes() {
    return heldKib.get() * KIB;
  }

  /**
   * Takes {@code bytes} of the budget for one decode, waiting for them at most the budget's wait.
   *
   * @throws ImageDecodeException {@link Reason#TOO_LARGE} if one decode may not take that many,
   *     {@link Reason#BUSY} if they were not free in time
   */
  Permit acquire(long bytes, String picture) throws ImageDecodeException {
    if (bytes > maxDecodeBytes) {
      throw new ImageDecodeException(
          Reason.TOO_LARGE,
          picture
              + " would take about "
              + mebibytes(bytes)
              + " MiB to decode (expected: at most "
              + mebibytes(maxDecodeBytes)
              + " MiB)");
    }
    int kib = (int) Math.max(1, (bytes + KIB - 1) / KIB);
    boolean acquired;
    try {
      acquired = kibibytes.tryAcquire(kib, wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy(picture, bytes);
    }
    if (!acquired) {
      throw busy(picture, bytes);
    }
    long held = heldKib.addAndGet(kib);
    peakKib.accumulateAndGet(held, Math::max);
    return new Permit(kib);
  }

  private ImageDecodeException busy(String picture, long bytes) {
    return new ImageDecodeException(
        Reason.BUSY,
        "other pictures being decoded hold the memory that "
            + picture
            + " needs (about "
            + mebibytes(bytes)
            + " MiB); try again");
  }

  private static long mebibytes(long bytes) {
    return (bytes + (1 << 20) - 1) >> 20;
  }

  /** A share of the budget held by one decode until closed. */
  final class Permit implements AutoCloseable {
    private final int kib;
    private final AtomicBoolean open = new AtomicBoolean(true);

    private Permit(int kib) {
      this.kib = kib;
    }

    /** Gives the share back; closing again does nothing. */
    @Override
    public void close() {
      if (open.compareAndSet(true, false)) {
        heldKib.addAndGet(-kib);
        kibibytes.release(kib);
      }
    }
  }
}
