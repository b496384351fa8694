package vn.bhyt.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Several SQL statements sent to the database as one, in one round trip (the rows of a resource
 * version and of its index entries; a batch of claims and their cards). Needs a connection that
 * allows multiple statements, as the pool of {@link Database} does.
 */
public final class Statements {
  private final StringBuilder text = new StringBuilder();
  private final List<@Nullable Object> binds = new ArrayList<>();

  /** Adds a statement whose {@code ?} take the values in order. */
  public Statements add(String statement, @Nullable Object... values) {
    if (!text.isEmpty()) {
      text.append(";\n");
    }
    text.append(statement);
    binds.addAll(Arrays.asList(values));
    return this;
  }

  /**
   * Adds one {@code INSERT} of several rows.
   *
   * @param head the statement up to {@code VALUES}, such as {@code INSERT INTO t (a, b)}
   * @param rows the values of each row, all of the same length
   */
  public Statements insertRows(String head, List<@Nullable Object[]> rows) {
    if (rows.isEmpty()) {
      return this;
    }
    String one = "(?" + ", ?".repeat(rows.get(0).length - 1) + ")";
    StringBuilder statement = new StringBuilder(head).append(" VALUES ");
    for (int i = 0; i < rows.size(); i++) {
      statement.append(i == 0 ? "" : ", ").append(one);
    }
    add(statement.toString());
    rows.forEach(r -> binds.addAll(Arrays.asList(r)));
    return this;
  }

  /** Adds a statement. */
  public Statements add(Sql statement) {
    return add(statement.text(), statement.binds().toArray());
  }

  /** Adds the statements of another, after these. */
  public Statements add(Statements more) {
    if (!more.text.isEmpty()) {
      add(more.text.toString(), more.binds.toArray());
    }
    return this;
  }

  /** Whether no statement was added. */
  public boolean isEmpty() {
    return text.isEmpty();
  }

  /** Runs them all; the first that fails throws, and the statements after it do not run. */
  public void execute(Connection c) throws SQLException {
    if (text.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = new Sql(text.toString(), binds).prepare(c)) {
      ps.execute();
      while (ps.getMoreResults() || ps.getUpdateCount() != -1) {
        // every statement's result is read, so that a failure among them is thrown here
      }
    }
  }

  /** Runs queries, each answering one row, and reads each row in turn. */
  public <R> List<R> queryRows(Connection c, RowReader<R> reader) throws SQLException {
    List<R> rows = new ArrayList<>();
    try (PreparedStatement ps = new Sql(text.toString(), binds).prepare(c)) {
      boolean results = ps.execute();
      while (results || ps.getUpdateCount() != -1) {
        if (results) {
          try (ResultSet rs = ps.getResultSet()) {
            if (!rs.next()) {
              throw new SQLException("a query of several answered no row");
            }
            rows.add(reader.read(rs));
          }
        }
        results = ps.getMoreResults();
      }
    }
    return rows;
  }

  /** Reads the current row of a result. */
  @FunctionalInterface
  public interface RowReader<R> {
    R read(ResultSet rs) throws SQLException;
  }
}
