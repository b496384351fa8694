package vn.bhyt.verifier.card;

/**
 * QR text that is not a card payload. The message names the field, never its content.
 *
 * <p>Reasons: {@code EMPTY}, {@code TOO_LONG}, {@code WRONG_FIELD_COUNT}, {@code MISSING_NUMBER},
 * {@code NOT_HEX}, {@code NOT_UTF8}, {@code BAD_DATE}, {@code BAD_FACILITY}.
 */
public final class QrParseException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the text is not a card payload. */
  public enum Reason {
    EMPTY,
    TOO_LONG,
    WRONG_FIELD_COUNT,
    MISSING_NUMBER,
    NOT_HEX,
    NOT_UTF8,
    BAD_DATE,
    BAD_FACILITY
  }

  private final Reason reason;
  private final int field;

  QrParseException(Reason reason, int field, String message) {
    super(message, null, false, false);
    this.reason = reason;
    this.field = field;
  }

  public Reason reason() {
    return reason;
  }

  /** The 0-based field the problem was found in, or -1 for the payload as a whole. */
  public int field() {
    return field;
  }
}
