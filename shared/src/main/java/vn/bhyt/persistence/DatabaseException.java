package vn.bhyt.persistence;

import java.sql.SQLException;

/**
 * Database work that failed, where the caller's interface declares no {@link SQLException}: the
 * unchecked wrapper of the database's error, which is its cause.
 */
public final class DatabaseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DatabaseException(String message, SQLException cause) {
    super(message, cause);
  }

  @Override
  public synchronized SQLException getCause() {
    return (SQLException) super.getCause();
  }
}
