package vn.bhyt.claims.catalog;

/** A lookup the database could not answer; the cause is the database's error. */
public final class LookupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LookupException(String message, Throwable cause) {
    super(message, cause);
  }
}
