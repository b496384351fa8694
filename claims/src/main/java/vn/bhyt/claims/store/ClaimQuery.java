package vn.bhyt.claims.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The SQL of a claim list: the filter's conditions and their values. */
final class ClaimQuery {
  private final String where;
  private final List<Object> binds;

  private ClaimQuery(String where, List<Object> binds) {
    this.where = where;
    this.binds = List.copyOf(binds);
  }

  static ClaimQuery of(ClaimFilter f) {
    List<String> conditions = new ArrayList<>();
    List<Object> binds = new ArrayList<>();
    if (f.status() != null) {
      conditions.add("c.status = ?");
      binds.add(f.status().code());
    }
    if (f.from() != null) {
      conditions.add("c.visit_start >= ?");
      binds.add(f.from().atStartOfDay());
    }
    if (f.to() != null) {
      conditions.add("c.visit_start < ?");
      binds.add(f.to().plusDays(1).atStartOfDay());
    }
    if (f.department() != null) {
      String like = f.department().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
      conditions.add(
          "(c.department = ? OR c.department LIKE ? OR c.department LIKE ?"
              + " OR c.department LIKE ?)");
      binds.add(f.department());
      binds.add(like + ";%");
      binds.add("%;" + like);
      binds.add("%;" + like + ";%");
    }
    if (f.rule() != null) {
      conditions.add(
          "EXISTS (SELECT 1 FROM claim_finding f WHERE f.rule_id = ? AND f.claim_id = c.id"
              + " AND f.version = c.version)");
      binds.add(f.rule());
    }
    if (f.forwarding() != null) {
      conditions.add(
          "EXISTS (SELECT 1 FROM claim_forwarding w WHERE w.claim_id = c.id"
              + " AND w.version = c.version AND w.state = ?)");
      binds.add(f.forwarding().code());
    }
    if (f.fundResult() != null) {
      conditions.add(
          "EXISTS (SELECT 1 FROM claim_assessment a WHERE a.claim_id = c.id"
              + " AND a.version = c.version AND a.result = ?)");
      binds.add(f.fundResult());
    }
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    return new ClaimQuery(where, binds);
  }

  PreparedStatement count(Connection c) throws SQLException {
    return prepare(c, "SELECT COUNT(*) FROM claim c" + where, binds);
  }

  PreparedStatement page(Connection c, int offset, int limit) throws SQLException {
    List<Object> all = new ArrayList<>(binds);
    all.add(limit);
    all.add(offset);
    return prepare(
        c,
        "SELECT "
            + Sql.SUMMARY_COLUMNS
            + " FROM claim c"
            + where
            + " ORDER BY c.id DESC LIMIT ? OFFSET ?",
        all);
  }

  private static PreparedStatement prepare(Connection c, String sql, List<Object> values)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      for (int i = 0; i < values.size(); i++) {
        ps.setObject(i + 1, values.get(i));
      }
      return ps;
    } catch (SQLException e) {
      ps.close();
      throw e;
    }
  }
}
