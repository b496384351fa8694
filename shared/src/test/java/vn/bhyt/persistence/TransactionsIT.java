package vn.bhyt.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The transaction runner on a real MariaDB: commits, rollbacks, isolation and retries. */
class TransactionsIT {
  static TestDatabase db;

  @BeforeAll
  static void open() throws SQLException {
    db = TestDatabase.create();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t_tx (id INT PRIMARY KEY)");
    }
  }

  @AfterAll
  static void close() {
    db.close();
  }

  static int rows() throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t_tx")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  static Void insert(Connection c, int id) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("INSERT INTO t_tx VALUES (" + id + ")");
    }
    return null;
  }

  @Test
  void workThatReturnsIsCommittedAndWorkThatThrowsLeavesNothing() throws SQLException {
    int before = rows();
    Transactions.on(db.dataSource()).run(c -> insert(c, 1));
    assertThatThrownBy(
            () ->
                Transactions.on(db.dataSource())
                    .run(
                        c -> {
                          insert(c, 2);
                          throw new IllegalStateException("late failure");
                        }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(rows()).isEqualTo(before + 1);
  }

  @Test
  void theIsolationIsThePoolsUnlessReadCommittedIsAsked() throws SQLException {
    SqlWork<String> isolation =
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT @@tx_isolation")) {
            rs.next();
            return rs.getString(1);
          }
        };
    assertThat(Transactions.on(db.dataSource()).run(isolation)).isEqualTo("REPEATABLE-READ");
    assertThat(Transactions.on(db.dataSource()).readCommitted().run(isolation))
        .isEqualTo("READ-COMMITTED");
  }

  @Test
  void aRolledBackTransactionIsTriedAgainUpToItsAttempts() throws SQLException {
    AtomicInteger tries = new AtomicInteger();
    int result =
        Transactions.on(db.dataSource())
            .run(
                c -> {
                  if (tries.incrementAndGet() < 3) {
                    throw new SQLTransactionRollbackException("deadlock", "40001", 1213);
                  }
                  return tries.get();
                });
    assertThat(result).isEqualTo(3);
    AtomicInteger always = new AtomicInteger();
    assertThatThrownBy(
            () ->
                Transactions.on(db.dataSource())
                    .attempts(4)
                    .run(
                        c -> {
                          always.incrementAndGet();
                          throw new SQLTransactionRollbackException("deadlock", "40001", 1213);
                        }))
        .isInstanceOf(SQLTransactionRollbackException.class);
    assertThat(always).hasValue(4);
  }

  @Test
  void aDuplicateKeyIsTriedAgainOnlyWhenAsked() throws SQLException {
    AtomicInteger plain = new AtomicInteger();
    SqlWork<Void> duplicate =
        c -> {
          plain.incrementAndGet();
          throw new SQLIntegrityConstraintViolationException("dup", "23000", 1062);
        };
    assertThatThrownBy(() -> Transactions.on(db.dataSource()).run(duplicate))
        .isInstanceOf(SQLIntegrityConstraintViolationException.class);
    assertThat(plain).hasValue(1);
    AtomicInteger retried = new AtomicInteger();
    Transactions.on(db.dataSource())
        .retryingDuplicateKeys()
        .run(
            c -> {
              if (retried.incrementAndGet() == 1) {
                throw new SQLIntegrityConstraintViolationException("dup", "23000", 1062);
              }
              return null;
            });
    assertThat(retried).hasValue(2);
  }

  @Test
  void otherFailuresAreNotTriedAgain() {
    AtomicInteger tries = new AtomicInteger();
    assertThatThrownBy(
            () ->
                Transactions.on(db.dataSource())
                    .run(
                        c -> {
                          tries.incrementAndGet();
                          throw new SQLException("syntax", "42000", 1064);
                        }))
        .hasMessage("syntax");
    assertThat(tries).hasValue(1);
  }

  @Test
  void fewerThanOneAttemptIsRefused() {
    assertThatThrownBy(() -> Transactions.on(db.dataSource()).attempts(0))
        .hasMessage("attempts: 0 (expected: >= 1)");
  }
}
