package vn.bhyt.claims.fhir;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** The rows of the search index tables for the current version of each resource. */
final class IndexRows {
  private static final List<String> TABLES =
      List.of("fhir_token_index", "fhir_string_index", "fhir_date_index", "fhir_reference_index");

  private IndexRows() {}

  /** Writes the rows of a resource's new current version. */
  static void insert(Connection c, String type, String id, List<IndexEntry> entries)
      throws SQLException {
    try (PreparedStatement token =
            c.prepareStatement(
                "INSERT INTO fhir_token_index (res_type, res_id, param, system, value)"
                    + " VALUES (?, ?, ?, ?, ?)");
        PreparedStatement text =
            c.prepareStatement(
                "INSERT INTO fhir_string_index (res_type, res_id, param, folded, exact)"
                    + " VALUES (?, ?, ?, ?, ?)");
        PreparedStatement date =
            c.prepareStatement(
                "INSERT INTO fhir_date_index (res_type, res_id, param, low, high)"
                    + " VALUES (?, ?, ?, ?, ?)");
        PreparedStatement ref =
            c.prepareStatement(
                "INSERT INTO fhir_reference_index (res_type, res_id, param, target)"
                    + " VALUES (?, ?, ?, ?)")) {
      int[] counts = new int[4];
      for (IndexEntry e : entries) {
        PreparedStatement ps = statementFor(e, token, text, date, ref, counts);
        ps.setString(1, type);
        ps.setString(2, id);
        ps.setString(3, e.param());
        bindValues(ps, e);
        ps.addBatch();
      }
      execute(token, counts[0]);
      execute(text, counts[1]);
      execute(date, counts[2]);
      execute(ref, counts[3]);
    }
  }

  /** Removes the rows of a resource's version that is no longer current. */
  static void delete(Connection c, String type, String id) throws SQLException {
    for (String table : TABLES) {
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM " + table + " WHERE res_type = ? AND res_id = ?")) {
        ps.setString(1, type);
        ps.setString(2, id);
        ps.executeUpdate();
      }
    }
  }

  private static PreparedStatement statementFor(
      IndexEntry e,
      PreparedStatement token,
      PreparedStatement text,
      PreparedStatement date,
      PreparedStatement ref,
      int[] counts) {
    int i =
        e instanceof IndexEntry.Token
            ? 0
            : e instanceof IndexEntry.Text ? 1 : e instanceof IndexEntry.Dates ? 2 : 3;
    counts[i]++;
    return switch (i) {
      case 0 -> token;
      case 1 -> text;
      case 2 -> date;
      default -> ref;
    };
  }

  private static void bindValues(PreparedStatement ps, IndexEntry e) throws SQLException {
    if (e instanceof IndexEntry.Token t) {
      ps.setString(4, t.system());
      ps.setString(5, t.value());
    } else if (e instanceof IndexEntry.Text t) {
      ps.setString(4, t.folded());
      ps.setString(5, t.exact());
    } else if (e instanceof IndexEntry.Dates d) {
      ps.setObject(4, d.range().lowUtc());
      ps.setObject(5, d.range().highUtc());
    } else if (e instanceof IndexEntry.Ref r) {
      ps.setString(4, r.target());
    }
  }

  private static void execute(PreparedStatement ps, int count) throws SQLException {
    if (count > 0) {
      ps.executeBatch();
    }
  }
}
