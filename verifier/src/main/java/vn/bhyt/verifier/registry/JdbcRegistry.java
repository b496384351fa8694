package vn.bhyt.verifier.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import vn.bhyt.verifier.rules.RegistryEntry;

/** The registry table, read with blocking JDBC calls. */
public final class JdbcRegistry {
  private static final String NEWEST =
      " ORDER BY replaced_by IS NULL DESC," + " COALESCE(valid_to, DATE '9999-12-31') DESC LIMIT 1";
  private static final String BY_NUMBER =
      "SELECT " + RegistryColumns.READ + " FROM registry_card WHERE card_number = ?";
  private static final String BY_NUMBER_OR_SSN =
      "SELECT "
          + RegistryColumns.READ
          + " FROM registry_card WHERE card_number = ? OR ssn = ?"
          + " ORDER BY card_number = ? DESC, replaced_by IS NULL DESC,"
          + " COALESCE(valid_to, DATE '9999-12-31') DESC LIMIT 1";
  private static final String BY_CITIZEN =
      "SELECT " + RegistryColumns.READ + " FROM registry_card WHERE citizen_id = ?" + NEWEST;

  private static final String REFRESH = refreshSql();

  private final DataSource ds;

  public JdbcRegistry(DataSource ds) {
    this.ds = ds;
  }

  Optional<RegistryEntry> find(RegistryKey key) throws SQLException {
    if (key.citizen()) {
      return query(BY_CITIZEN, key.value());
    }
    return key.value().length() == 10
        ? query(BY_NUMBER_OR_SSN, key.value(), key.value(), key.value())
        : query(BY_NUMBER, key.value());
  }

  private Optional<RegistryEntry> query(String sql, String... params) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(RegistryColumns.read(rs)) : Optional.empty();
      }
    }
  }

  /**
   * Stores a card as the fund's online check described it, confirmed now: a new row, or the row's
   * values replaced. An imported row keeps its import hash, so that an import of the same file
   * again leaves the fund's newer data alone, and a changed import replaces it.
   */
  void refresh(RegistryEntry fromFund) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(REFRESH)) {
      RegistryColumns.bind(ps, 1, fromFund);
      ps.executeUpdate();
    }
  }

  /** Rows changed at or after a time, at most {@code limit}, oldest first. */
  List<Change> changedSince(Instant since, int limit) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT card_number, ssn, citizen_id, changed_at FROM registry_card"
                    + " WHERE changed_at >= ? ORDER BY changed_at LIMIT ?")) {
      ps.setTimestamp(1, Timestamp.from(since));
      ps.setInt(2, limit);
      List<Change> changes = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          changes.add(
              new Change(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getTimestamp(4).toInstant()));
        }
      }
      return changes;
    }
  }

  /** The database's current time, so the change watermark never depends on this machine's clock. */
  Instant now() throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT CURRENT_TIMESTAMP(6)");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getTimestamp(1).toInstant();
    }
  }

  private static String refreshSql() {
    StringBuilder update = new StringBuilder();
    for (String column : RegistryColumns.NAMES) {
      update.append(column).append(" = VALUES(").append(column).append("), ");
    }
    return "INSERT INTO registry_card ("
        + RegistryColumns.LIST
        + ", row_hash, changed_at, fund_checked_at) VALUES ("
        + "?, ".repeat(RegistryColumns.NAMES.size())
        + "X'00000000000000000000000000000000', CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6))"
        + " ON DUPLICATE KEY UPDATE "
        + update
        + "changed_at = CURRENT_TIMESTAMP(6), fund_checked_at = CURRENT_TIMESTAMP(6)";
  }

  /** A changed row's lookup keys. */
  record Change(String cardNumber, @Nullable String ssn, @Nullable String citizenId, Instant at) {}
}
