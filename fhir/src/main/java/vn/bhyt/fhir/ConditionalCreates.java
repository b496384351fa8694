package vn.bhyt.fhir;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.bhyt.persistence.MariaDbErrors;
import vn.bhyt.persistence.Statements;

/**
 * The conditional-create table: one row per resource type and criteria names the resource created
 * for them. Its primary key, not a search, is what lets racing conditional creates create one
 * resource: the losers' inserts wait for the winner's transaction and then fail.
 */
final class ConditionalCreates {
  private ConditionalCreates() {}

  /**
   * Adds the claim of criteria for a new resource. It fails with a duplicate key ({@link #isTaken})
   * when another transaction has claimed them, after that transaction commits.
   */
  static void claim(Statements out, Criteria criteria, String id, Instant at) {
    claim(out, List.of(criteria), List.of(id), at);
  }

  /** Adds the claims of several criteria, each for the new resource of the same position. */
  static void claim(Statements out, List<Criteria> criteria, List<String> ids, Instant at) {
    List<Object[]> rows = new ArrayList<>();
    LocalDateTime utc = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    for (int i = 0; i < criteria.size(); i++) {
      Criteria c = criteria.get(i);
      rows.add(new Object[] {c.type(), c.hash(), c.canonical(), ids.get(i), utc});
    }
    out.insertRows(
        "INSERT INTO fhir_conditional_create (res_type, criteria_hash, criteria, res_id, created_at)",
        rows);
  }

  /** Whether a claim failed because the criteria were taken. */
  static boolean isTaken(SQLException e) {
    return MariaDbErrors.isDuplicateKey(e);
  }

  /**
   * The id of the resource created for criteria, read with a shared lock: under REPEATABLE READ a
   * plain read would see the transaction's snapshot, taken before the winner committed.
   */
  static Optional<String> holder(Connection c, Criteria criteria) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT res_id FROM fhir_conditional_create WHERE res_type = ? AND criteria_hash = ?"
                + " LOCK IN SHARE MODE")) {
      ps.setString(1, criteria.type());
      ps.setBytes(2, criteria.hash());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /**
   * After an update, drops the claims of criteria the resource no longer matches, so that the next
   * conditional create with them creates a resource instead of answering this one.
   */
  static void review(Connection c, String type, String id, ZoneId zone) throws SQLException {
    List<Object[]> claims = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT criteria_hash, criteria FROM fhir_conditional_create"
                + " WHERE res_type = ? AND res_id = ? FOR UPDATE")) {
      ps.setString(1, type);
      ps.setString(2, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          claims.add(new Object[] {rs.getBytes(1), rs.getString(2)});
        }
      }
    }
    for (Object[] claim : claims) {
      if (!matches(c, type, id, (String) claim[1], zone)) {
        drop(c, type, (byte[]) claim[0]);
      }
    }
  }

  private static boolean matches(Connection c, String type, String id, String criteria, ZoneId zone)
      throws SQLException {
    SearchQuery query;
    try {
      query = SearchQuery.compile(type, SearchParams.parse(criteria).with("_id", id), zone);
    } catch (FhirProblem e) {
      return false;
    }
    try (PreparedStatement ps = query.firstAndLast().prepare(c);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() && rs.getString(1) != null;
    }
  }

  private static void drop(Connection c, String type, byte[] hash) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM fhir_conditional_create WHERE res_type = ? AND criteria_hash = ?")) {
      ps.setString(1, type);
      ps.setBytes(2, hash);
      ps.executeUpdate();
    }
  }
}
