package vn.bhyt.verifier.fund;

/**
 * The fund gave no answer to use: it did not answer in time, failed, refused the login, or has
 * failed so often lately that it is not asked (the circuit is open). Its message names no patient
 * data.
 */
public final class FundUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the fund gave no answer. */
  public enum Reason {
    /** No answer within the read timeout, or no connection within the connect timeout. */
    TIMEOUT,
    /** A 5xx, a reset or closed connection, or an answer that is not the fund's JSON. */
    FAILED,
    /** The fund refused the account ({@code 401}, {@code 402}, {@code 403}) or a fresh token. */
    LOGIN_REFUSED,
    /**
     * The fund failed repeatedly of late and is not asked until the breaker lets a probe through.
     */
    CIRCUIT_OPEN
  }

  private final Reason reason;

  public FundUnavailableException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public FundUnavailableException(Reason reason, String message, Throwable cause) {
    super(message, cause, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
