package vn.bhyt.claims.store;

import javax.sql.DataSource;
import vn.bhyt.persistence.Transactions;

/**
 * How claim transactions run: READ COMMITTED, so that looking a claim up for update takes no gap
 * locks and two submissions of a new visit meet at its unique key rather than in a deadlock; a
 * transaction the database rolled back (a deadlock) or that lost the race to insert a claim (a
 * duplicate key) is run again from the start, up to {@value #MAX_ATTEMPTS} times in all: the second
 * run finds the claim the first could not see.
 */
public final class ClaimTransactions {
  static final int MAX_ATTEMPTS = 8;

  private ClaimTransactions() {}

  /** The runner of claim transactions on a pool. */
  public static Transactions on(DataSource ds) {
    return Transactions.on(ds).readCommitted().retryingDuplicateKeys().attempts(MAX_ATTEMPTS);
  }
}
