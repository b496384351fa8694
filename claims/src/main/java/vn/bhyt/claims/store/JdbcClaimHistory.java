package vn.bhyt.claims.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import vn.bhyt.claims.assessment.ClaimHistory;
import vn.bhyt.claims.assessment.PastClaim;

/**
 * The claim history over the stored claims, read on the connection of the transaction that stores
 * new ones, so that a dossier also sees those of its own envelope stored before it. Each claim
 * counts with its current version.
 */
public final class JdbcClaimHistory implements ClaimHistory {
  private final Connection c;

  public JdbcClaimHistory(Connection c) {
    this.c = c;
  }

  @Override
  public List<PastClaim> byVisitKey(String maLk) {
    return query(Sql.HISTORY_BY_KEY, maLk, null, null);
  }

  @Override
  public List<PastClaim> onCard(String cardNumber, LocalDateTime from, LocalDateTime to) {
    return query(Sql.HISTORY_ON_CARD, cardNumber, to, from);
  }

  private List<PastClaim> query(String sql, String key, LocalDateTime a, LocalDateTime b) {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, key);
      if (a != null) {
        ps.setObject(2, a);
        ps.setObject(3, b);
      }
      List<PastClaim> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new PastClaim(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getObject(4, LocalDateTime.class),
                  rs.getObject(5, LocalDateTime.class),
                  rs.getBoolean(6)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }
}
