package vn.bhyt.persistence;

import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Work that blocks (the database, mostly), and the one way to run it off an event loop: {@link
 * #offload} on the workers.
 */
@FunctionalInterface
public interface Blocking<R> {
  R get() throws SQLException;

  /**
   * Runs the work on an executor. The stage fails with the work's exception: an {@link
   * SQLException} as the cause of a {@link CompletionException}, as {@link
   * CompletableFuture#supplyAsync} reports every failure.
   */
  static <R> CompletableFuture<R> offload(Executor executor, Blocking<R> work) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return work.get();
          } catch (SQLException e) {
            throw new CompletionException(e);
          }
        },
        executor);
  }
}
