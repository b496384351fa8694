package vn.bhyt.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * The runner of transactions: each on a connection of its own, committed when the work returns and
 * rolled back when it throws, run again after a short random pause when the failure is one a second
 * try can get past. The work must therefore have no effects outside its transaction.
 *
 * <p>By default the isolation is the pool's (REPEATABLE READ) and a transaction the database rolled
 * back (a deadlock victim) is tried up to {@value #DEFAULT_ATTEMPTS} times in all. {@link
 * #readCommitted()} takes no gap locks, so that two inserts of one new key meet at the key rather
 * than in a deadlock; {@link #retryingDuplicateKeys()} then tries the loser again, which finds the
 * row the first try could not see.
 */
public final class Transactions {
  /** How many times a transaction is tried by default. */
  public static final int DEFAULT_ATTEMPTS = 5;

  private final DataSource ds;
  private final int isolation;
  private final boolean duplicateKeys;
  private final int attempts;

  private Transactions(DataSource ds, int isolation, boolean duplicateKeys, int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts: " + attempts + " (expected: >= 1)");
    }
    this.ds = ds;
    this.isolation = isolation;
    this.duplicateKeys = duplicateKeys;
    this.attempts = attempts;
  }

  /** Transactions on a pool's connections, with the defaults above. */
  public static Transactions on(DataSource ds) {
    return new Transactions(ds, Connection.TRANSACTION_NONE, false, DEFAULT_ATTEMPTS);
  }

  /** The same transactions at READ COMMITTED. */
  public Transactions readCommitted() {
    return new Transactions(ds, Connection.TRANSACTION_READ_COMMITTED, duplicateKeys, attempts);
  }

  /** The same transactions, tried again also when they lose the race to insert a key. */
  public Transactions retryingDuplicateKeys() {
    return new Transactions(ds, isolation, true, attempts);
  }

  /** The same transactions, tried up to {@code max} times in all. */
  public Transactions attempts(int max) {
    return new Transactions(ds, isolation, duplicateKeys, max);
  }

  /** Runs work in one transaction; see the class. */
  public <R> R run(SqlWork<R> work) throws SQLException {
    return retry(attempts, duplicateKeys, () -> once(work));
  }

  /**
   * Runs work that opens transactions of its own, again after a short random pause when the
   * database rolled one back, up to {@value #DEFAULT_ATTEMPTS} times in all.
   */
  public static <R> R retried(Blocking<R> work) throws SQLException {
    return retry(DEFAULT_ATTEMPTS, false, work);
  }

  private static <R> R retry(int attempts, boolean duplicateKeys, Blocking<R> work)
      throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (SQLException e) {
        boolean again =
            MariaDbErrors.isRolledBack(e) || (duplicateKeys && MariaDbErrors.isDuplicateKey(e));
        if (attempt >= attempts || !again) {
          throw e;
        }
        pause(attempt);
      }
    }
  }

  private <R> R once(SqlWork<R> work) throws SQLException {
    try (Connection c = ds.getConnection()) {
      if (isolation != Connection.TRANSACTION_NONE) {
        c.setTransactionIsolation(isolation);
      }
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
