package vn.bhyt.persistence;

import java.sql.Connection;
import java.sql.SQLException;

/** Database work on a connection, run inside one transaction by {@link Transactions#run}. */
@FunctionalInterface
public interface SqlWork<R> {
  R run(Connection c) throws SQLException;
}
