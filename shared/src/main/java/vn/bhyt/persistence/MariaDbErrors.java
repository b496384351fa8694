package vn.bhyt.persistence;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;

/** The MariaDB error codes the gateway acts on, and the questions it asks of a failure. */
public final class MariaDbErrors {
  /** {@code ER_DUP_ENTRY}: a unique key already holds the value. */
  public static final int DUPLICATE_KEY = 1062;

  /** {@code ER_LOCK_WAIT_TIMEOUT}: a lock was not granted in time. */
  public static final int LOCK_WAIT_TIMEOUT = 1205;

  /**
   * {@code ER_LOCK_DEADLOCK}: the transaction was chosen as a deadlock's victim and rolled back.
   */
  public static final int DEADLOCK = 1213;

  private MariaDbErrors() {}

  /** Whether the failure is a duplicate key. */
  public static boolean isDuplicateKey(SQLException e) {
    return e.getErrorCode() == DUPLICATE_KEY;
  }

  /** Whether the database rolled the transaction back (a deadlock victim, among others). */
  public static boolean isRolledBack(SQLException e) {
    return e instanceof SQLTransactionRollbackException || e.getErrorCode() == DEADLOCK;
  }

  /**
   * Whether a failure, or one of its causes, is a concurrent change getting in the way: a
   * transaction rolled back, a lock not granted, or a duplicate key. Trying again may succeed.
   */
  public static boolean isConflict(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException s
          && (isRolledBack(s) || isDuplicateKey(s) || s.getErrorCode() == LOCK_WAIT_TIMEOUT)) {
        return true;
      }
    }
    return false;
  }
}
