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
import vn.bhyt.verifier.rules.RegistryEntry;

/** The registry table, read with blocking JDBC calls. */
public final class JdbcRegistry {
  private static final String NEWEST =
      " ORDER BY replaced_by IS NULL DESC," + " COALESCE(valid_to, DATE '9999-12-31') DESC LIMIT 1";
  private static final String BY_NUMBER =
      "SELECT " + RegistryColumns.LIST + " FROM registry_card WHERE card_number = ?";
  private static final String BY_NUMBER_OR_SSN =
      "SELECT "
          + RegistryColumns.LIST
          + " FROM registry_card WHERE card_number = ? OR ssn = ?"
          + " ORDER BY card_number = ? DESC, replaced_by IS NULL DESC,"
          + " COALESCE(valid_to, DATE '9999-12-31') DESC LIMIT 1";
  private static final String BY_CITIZEN =
      "SELECT " + RegistryColumns.LIST + " FROM registry_card WHERE citizen_id = ?" + NEWEST;

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

  /** A changed row's lookup keys. */
  record Change(String cardNumber, String ssn, String citizenId, Instant at) {}
}
