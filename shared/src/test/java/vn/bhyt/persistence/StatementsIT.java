package vn.bhyt.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Several statements in one round trip: all run, or the failing one throws. */
class StatementsIT {
  static TestDatabase db;

  @BeforeAll
  static void open() throws SQLException {
    db = TestDatabase.create();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE st_item (kind VARCHAR(20), id VARCHAR(20), version INT, at DATETIME(3),"
              + " PRIMARY KEY (kind, id)) ENGINE=InnoDB");
      s.execute(
          "CREATE TABLE st_tag (kind VARCHAR(20), id VARCHAR(20), param VARCHAR(20),"
              + " system VARCHAR(50), value VARCHAR(50),"
              + " PRIMARY KEY (kind, id, param, system, value)) ENGINE=InnoDB");
    }
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void nullValuesInStatementsAndRowsWereRefusedAndBindSqlNull() throws Exception {
    try (Connection c = db.dataSource().getConnection()) {
      new Statements()
          .insertRows(
              "INSERT INTO st_item (kind, id, version, at)",
              List.<Object[]>of(new Object[] {"Patient", "n1", null, null}))
          .add("UPDATE st_item SET at = ? WHERE id = ?", null, "n1")
          .execute(c);
      assertThat(count(c, "SELECT COUNT(*) FROM st_item WHERE id = 'n1' AND version IS NULL"))
          .isEqualTo(1);
    }
  }

  @Test
  void allStatementsRunWithManyRows() throws Exception {
    try (Connection c = db.dataSource().getConnection()) {
      new Statements()
          .add(
              "INSERT INTO st_item (kind, id, version, at)" + " VALUES (?, ?, 1, ?)",
              "Patient",
              "s1",
              LocalDateTime.of(2026, 11, 23, 1, 0))
          .insertRows(
              "INSERT INTO st_tag (kind, id, param, system, value)",
              List.of(
                  new Object[] {"Patient", "s1", "identifier", "", "A"},
                  new Object[] {"Patient", "s1", "identifier", "urn:x", "B"}))
          .execute(c);
      assertThat(count(c, "SELECT COUNT(*) FROM st_item WHERE id = 's1'")).isEqualTo(1);
      assertThat(count(c, "SELECT COUNT(*) FROM st_tag WHERE id = 's1'")).isEqualTo(2);
      assertThat(count(c, "SELECT COUNT(*) FROM st_tag WHERE id = 's1' AND system = 'urn:x'"))
          .isEqualTo(1);
    }
  }

  @Test
  void aFailingLaterStatementThrowsAndTheTransactionRollsBack() throws Exception {
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      Statements twice =
          new Statements()
              .add(
                  "INSERT INTO st_tag (kind, id, param, system, value)" + " VALUES (?, ?, ?, ?, ?)",
                  "Patient",
                  "s2",
                  "identifier",
                  "urn:x",
                  "C")
              .add(
                  "INSERT INTO st_item (kind, id, version, at)" + " VALUES (?, ?, 1, ?)",
                  "Patient",
                  "s2",
                  LocalDateTime.of(2026, 11, 23, 1, 0))
              .add(
                  "INSERT INTO st_item (kind, id, version, at)" + " VALUES (?, ?, 1, ?)",
                  "Patient",
                  "s2",
                  LocalDateTime.of(2026, 11, 23, 1, 0));
      assertThatThrownBy(() -> twice.execute(c)).isInstanceOf(SQLException.class);
      c.rollback();
      c.setAutoCommit(true);
      assertThat(count(c, "SELECT COUNT(*) FROM st_item WHERE id = 's2'")).isZero();
      assertThat(count(c, "SELECT COUNT(*) FROM st_tag WHERE id = 's2'")).isZero();
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
