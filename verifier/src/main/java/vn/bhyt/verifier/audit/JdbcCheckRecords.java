package vn.bhyt.verifier.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import vn.bhyt.domain.Ulids;
import vn.bhyt.persistence.DatabaseException;

/**
 * Reads check records back from {@code card_check} by their check id, with blocking calls. A record
 * reaches the table about 50 ms after its check ({@link JdbcCheckLog}), later while the database is
 * behind.
 */
public final class JdbcCheckRecords {
  static final String BY_ID =
      "SELECT checked_at, token_name, clerk_name, clerk_citizen_id, card_hash, result, outcome,"
          + " source, key_version FROM card_check WHERE check_id = ?";

  private final DataSource ds;

  public JdbcCheckRecords(DataSource ds) {
    this.ds = ds;
  }

  /**
   * The record of a check, if the table holds it.
   *
   * @param checkId a ULID
   * @throws IllegalArgumentException when the id is not a ULID
   * @throws DatabaseException when the database does not answer
   */
  public Optional<CheckRecord> byId(String checkId) {
    byte[] id = Ulids.bytes(checkId);
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(BY_ID)) {
      ps.setBytes(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        byte[] hash = rs.getBytes("card_hash");
        Integer version = rs.getObject("key_version", Integer.class);
        return Optional.of(
            new CheckRecord(
                checkId,
                rs.getObject("checked_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rs.getString("token_name"),
                rs.getString("clerk_name"),
                rs.getString("clerk_citizen_id"),
                hash == null ? null : HexFormat.of().formatHex(hash),
                rs.getString("result"),
                rs.getString("outcome"),
                rs.getString("source"),
                version));
      }
    } catch (SQLException e) {
      throw new DatabaseException("check record lookup failed", e);
    }
  }
}
