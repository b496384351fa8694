package vn.bhyt.claims.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import vn.bhyt.persistence.DatabaseException;

/**
 * The one connection of a claims transaction, which its {@link ClaimWriter} lends to a sender in
 * the background while the next dossiers are read. Nobody holds the connection itself: each use
 * {@linkplain #take() takes} it, which waits until a batch being sent has gone.
 */
public final class SharedConnection {
  private final Connection c;
  private CompletableFuture<Void> lent = CompletableFuture.completedFuture(null);

  public SharedConnection(Connection c) {
    this.c = c;
  }

  /**
   * The connection, once no batch is being sent on it.
   *
   * @throws SQLException when the batch sent in the background failed
   */
  public Connection take() throws SQLException {
    CompletableFuture<Void> last = lent;
    lent = CompletableFuture.completedFuture(null);
    try {
      last.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof DatabaseException db) {
        throw db.getCause();
      }
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    return c;
  }

  /**
   * Runs work with the connection on an executor: until the next {@link #take()}, it is the work's.
   */
  /** Work done with the lent connection; what it answers is of no interest. */
  @FunctionalInterface
  interface Task {
    void run(Connection c) throws SQLException;
  }

  void lend(Executor executor, Task work) throws SQLException {
    Connection mine = take();
    lent =
        CompletableFuture.runAsync(
            () -> {
              try {
                work.run(mine);
              } catch (SQLException e) {
                throw new DatabaseException(e);
              }
            },
            executor);
  }
}
