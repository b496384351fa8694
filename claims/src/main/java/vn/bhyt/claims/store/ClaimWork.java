package vn.bhyt.claims.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Database work run inside one transaction by {@link ClaimTransactions#run}. */
@FunctionalInterface
public interface ClaimWork<R> {
  R run(Connection c) throws SQLException;
}
