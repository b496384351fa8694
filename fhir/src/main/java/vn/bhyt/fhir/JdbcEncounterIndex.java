package vn.bhyt.fhir;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import vn.bhyt.persistence.DatabaseException;

/**
 * The Encounter questions answered by one statement each over the search indexes, with blocking
 * JDBC calls, uncached. Every question throws {@link DatabaseException} when the database does not
 * answer.
 */
public final class JdbcEncounterIndex implements EncounterIndex {
  private static final String NOT_VOID =
      " AND NOT EXISTS (SELECT 1 FROM fhir_token_index s FORCE INDEX (PRIMARY)"
          + " WHERE s.res_type = 'Encounter' AND s.res_id = %s AND s.param = 'status'"
          + " AND s.value IN ('cancelled', 'entered-in-error'))";

  /** The check id and receipt identifiers of an Encounter {@code %s}, when it has them. */
  private static final String CHECK_COLUMNS =
      " LEFT JOIN fhir_token_index ci ON ci.res_type = 'Encounter' AND ci.res_id = %1$s"
          + " AND ci.param = 'identifier' AND ci.system = '"
          + Identifiers.CHECK_ID
          + "'"
          + " LEFT JOIN fhir_token_index cr ON cr.res_type = 'Encounter' AND cr.res_id = %1$s"
          + " AND cr.param = 'identifier' AND cr.system = '"
          + Identifiers.CHECK_RECEIPT
          + "'";

  static final String CHECKS_WITH_IDENTIFIER =
      "SELECT ci.value, cr.value FROM fhir_token_index e"
          + String.format(CHECK_COLUMNS, "e.res_id")
          + " WHERE e.res_type = 'Encounter' AND e.param = 'identifier'"
          + " AND e.value = ? AND e.system = ?"
          + String.format(NOT_VOID, "e.res_id")
          + " LIMIT 100";

  static final String CHECKS_OF_SUBSCRIBER =
      "SELECT STRAIGHT_JOIN ci.value, cr.value FROM fhir_token_index cov"
          + " JOIN fhir_reference_index ben ON ben.res_type = 'Coverage'"
          + " AND ben.res_id = cov.res_id AND ben.param = 'beneficiary'"
          + " JOIN fhir_reference_index enc ON enc.res_type = 'Encounter'"
          + " AND enc.param = 'patient' AND enc.target = ben.target"
          + " JOIN fhir_date_index d FORCE INDEX (PRIMARY) ON d.res_type = 'Encounter'"
          + " AND d.res_id = enc.res_id AND d.param = 'date' AND d.low >= ? AND d.low < ?"
          + String.format(CHECK_COLUMNS, "enc.res_id")
          + " WHERE cov.res_type = 'Coverage' AND cov.param = 'subscriber-id' AND cov.value = ?"
          + String.format(NOT_VOID, "enc.res_id")
          + " LIMIT 100";

  static final String ANY = "SELECT 1 FROM fhir_resource WHERE res_type = 'Encounter' LIMIT 1";

  private final DataSource ds;

  public JdbcEncounterIndex(DataSource ds) {
    this.ds = ds;
  }

  @Override
  public boolean any() {
    return exists(ANY);
  }

  @Override
  public List<CheckedBy> checksWithIdentifier(String system, String value) {
    return checks(CHECKS_WITH_IDENTIFIER, value, system);
  }

  @Override
  public List<CheckedBy> checksOfSubscriberStarting(String subscriberId, Instant from, Instant to) {
    return checks(CHECKS_OF_SUBSCRIBER, utc(from), utc(to), subscriberId);
  }

  private List<CheckedBy> checks(String sql, Object... binds) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < binds.length; i++) {
        ps.setObject(i + 1, binds[i]);
      }
      List<CheckedBy> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new CheckedBy(rs.getString(1), rs.getString(2)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new DatabaseException("encounter lookup failed", e);
    }
  }

  /** An instant as the date index stores it: UTC. */
  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private boolean exists(String sql, Object... binds) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < binds.length; i++) {
        ps.setObject(i + 1, binds[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new DatabaseException("encounter lookup failed", e);
    }
  }
}
