package vn.bhyt.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Transactions on the gateway's pool: a commit is seen by others and leaves autocommit on. */
class DatabaseIT {
  static TestDatabase db;

  @BeforeAll
  static void open() throws SQLException {
    db = TestDatabase.create();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE note (id INT PRIMARY KEY) ENGINE=InnoDB");
    }
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void commitMakesTheTransactionVisibleAndLeavesAutocommitOn() throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      insert(c, 1);
      insert(c, 2);
      assertThat(countFromAnotherConnection()).isZero();
      Database.commit(c);
      assertThat(c.getAutoCommit()).isTrue();
      assertThat(countFromAnotherConnection()).isEqualTo(2);
      insert(c, 3);
    }
    assertThat(countFromAnotherConnection()).isEqualTo(3);
  }

  @Test
  void aRollbackAfterACommitUndoesNothing() throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      insert(c, 10);
      Database.commit(c);
      c.rollback();
    }
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM note WHERE id = 10")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }

  private static void insert(Connection c, int id) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("INSERT INTO note VALUES (" + id + ")");
    }
  }

  /** Rows 1-3, read on a connection outside the pool. */
  private static int countFromAnotherConnection() throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                db.config().url(), db.config().user(), db.config().password().value());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM note WHERE id BETWEEN 1 AND 3")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
