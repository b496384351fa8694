package vn.bhyt.claims.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import vn.bhyt.persistence.Database;

/**
 * The runner of claim transactions: READ COMMITTED, so that looking a claim up for update takes no
 * gap locks and two submissions of a new visit meet at its unique key rather than in a deadlock.
 *
 * <p>A transaction the database rolled back (a deadlock) or that lost the race to insert a claim (a
 * duplicate key) is run again from the start, up to {@value #MAX_ATTEMPTS} times in all, after a
 * short random pause: the second run finds the claim the first could not see. The work must
 * therefore have no effects outside the transaction.
 */
public final class ClaimTransactions {
  static final int MAX_ATTEMPTS = 8;
  private static final int DUPLICATE_KEY = 1062;

  private final DataSource ds;

  public ClaimTransactions(DataSource ds) {
    this.ds = ds;
  }

  /** Runs work in one transaction: commits when it returns, rolls back when it throws. */
  public <R> R run(ClaimWork<R> work) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try {
        return once(work);
      } catch (SQLException e) {
        if (attempt >= MAX_ATTEMPTS || !retryable(e)) {
          throw e;
        }
        pause(attempt);
      }
    }
  }

  static boolean retryable(SQLException e) {
    return e instanceof SQLTransactionRollbackException
        || e instanceof SQLIntegrityConstraintViolationException
            && e.getErrorCode() == DUPLICATE_KEY;
  }

  private <R> R once(ClaimWork<R> work) throws SQLException {
    try (Connection c = ds.getConnection()) {
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      c.setAutoCommit(false);
      try {
        R result = work.run(c);
        Database.commit(c);
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        try {
          c.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      }
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << Math.min(attempt, 6)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
