package vn.bhyt.persistence;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Database work that failed, where the caller's interface declares no {@link SQLException} (a
 * lookup port, a cache's loader, a parser's consumer): the unchecked wrapper of the database's
 * error, which is its cause; whoever runs the transaction unwraps it with {@link #getCause()}.
 */
public final class DatabaseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DatabaseException(String message, SQLException cause) {
    super(message, cause);
  }

  /** The wrapper of a failure that needs no words of its own. */
  public DatabaseException(SQLException cause) {
    super(cause);
  }

  @Override
  public synchronized @Nullable SQLException getCause() {
    return (SQLException) super.getCause();
  }
}
