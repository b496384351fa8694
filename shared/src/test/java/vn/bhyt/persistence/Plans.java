package vn.bhyt.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** MariaDB's query plans, for tests that keep lookups off full table and index scans. */
public final class Plans {
  private Plans() {}

  /**
   * The tables a query reads whole ({@code ALL}) or through a full index scan ({@code index}); the
   * plan is printed when there are any.
   */
  public static List<String> fullScans(DataSource ds, String sql, Object... binds)
      throws Exception {
    List<String> scans = new ArrayList<>();
    StringBuilder plan = new StringBuilder();
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
      for (int i = 0; i < binds.length; i++) {
        ps.setObject(i + 1, binds[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String table = rs.getString("table");
          String access = rs.getString("type");
          plan.append(
              String.format(
                  "%n  %s %s key=%s rows=%s %s",
                  table, access, rs.getString("key"), rs.getString("rows"), rs.getString("Extra")));
          if (table != null
              && !table.startsWith("<")
              && ("ALL".equals(access) || "index".equals(access))) {
            scans.add(table + " " + access);
          }
        }
      }
    }
    if (!scans.isEmpty() || Boolean.getBoolean("plans")) {
      System.err.println(sql + plan);
    }
    return scans;
  }
}
