package vn.bhyt.claims.store;

import java.sql.SQLException;

/**
 * An {@link SQLException} carried through code that cannot throw it, such as a lookup port or the
 * envelope reader's consumer; whoever runs the transaction unwraps it with {@link #getCause()}.
 */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(SQLException cause) {
    super(cause);
  }

  @Override
  public synchronized SQLException getCause() {
    return (SQLException) super.getCause();
  }
}
