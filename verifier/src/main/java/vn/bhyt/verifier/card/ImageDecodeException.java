package vn.bhyt.verifier.card;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A picture from which no card QR code could be read. The message describes the picture (size,
 * format), never what the QR code says.
 */
public final class ImageDecodeException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why no QR code could be read. */
  public enum Reason {
    /** Not a PNG or JPEG image, or a damaged or truncated one. */
    UNREADABLE,
    /** A readable image in which no QR code could be decoded. */
    NO_QR_CODE,
    /**
     * An image whose declared size exceeds what the decoder accepts, or whose decode would take
     * more memory than one decode may.
     */
    TOO_LARGE,
    /** A readable image whose decode had to wait too long for memory that other decodes held. */
    BUSY
  }

  private final Reason reason;

  /** Creates an exception for {@code reason}, described by {@code message}. */
  public ImageDecodeException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Creates an exception for {@code reason}, described by {@code message}, caused by {@code cause}.
   */
  public ImageDecodeException(Reason reason, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Returns why no QR code could be read. */
  public Reason reason() {
    return reason;
  }
}
