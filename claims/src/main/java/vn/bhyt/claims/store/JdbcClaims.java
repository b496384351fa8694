package vn.bhyt.claims.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import vn.bhyt.claims.assessment.Assessment;
import vn.bhyt.claims.assessment.AssessmentStatus;
import vn.bhyt.claims.assessment.Finding;
import vn.bhyt.claims.assessment.Severity;
import vn.bhyt.claims.assessment.Totals;
import vn.bhyt.claims.claim.ClaimFormat;
import vn.bhyt.claims.claim.VerbatimTable;

/** The reader of stored claims: one claim with its versions, lists, and a version's answer. */
public final class JdbcClaims {
  private final DataSource ds;

  public JdbcClaims(DataSource ds) {
    this.ds = ds;
  }

  /** The claim with that id, when there is one. */
  public Optional<StoredClaim> find(String id) throws SQLException {
    try (Connection c = ds.getConnection()) {
      ClaimSummary summary;
      boolean inpatient;
      try (PreparedStatement ps = c.prepareStatement(Sql.SELECT_CLAIM)) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          summary = summary(rs);
          inpatient = rs.getBoolean(10);
        }
      }
      Assessment assessment = assessment(c, id, summary.version());
      return Optional.of(new StoredClaim(summary, inpatient, assessment, versions(c, id)));
    }
  }

  /** The current version of the claim with that id, with its tables, when there is one. */
  public Optional<CurrentVersion> current(String id) throws SQLException {
    try (Connection c = ds.getConnection()) {
      String facility;
      int version;
      try (PreparedStatement ps = c.prepareStatement(Sql.SELECT_CURRENT)) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          facility = rs.getString(1);
          version = rs.getInt(2);
        }
      }
      List<VerbatimTable> tables = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(Sql.SELECT_TABLES)) {
        ps.setString(1, id);
        ps.setInt(2, version);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            tables.add(new VerbatimTable(rs.getString(1), rs.getString(2)));
          }
        }
      }
      return Optional.of(
          new CurrentVersion(id, facility, version, assessment(c, id, version), tables));
    }
  }

  /** A page of the claims the filter matches, newest first. */
  public ClaimPage list(ClaimFilter filter, int offset, int limit) throws SQLException {
    ClaimQuery query = ClaimQuery.of(filter);
    try (Connection c = ds.getConnection()) {
      int total;
      try (PreparedStatement ps = query.count(c);
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        total = rs.getInt(1);
      }
      List<ClaimSummary> page = new ArrayList<>();
      if (offset < total) {
        try (PreparedStatement ps = query.page(c, offset, limit);
            ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            page.add(summary(rs));
          }
        }
      }
      return new ClaimPage(page, total);
    }
  }

  /** The stored answer of a version: its status, findings and totals. */
  public static Assessment assessment(Connection c, String id, int version) throws SQLException {
    AssessmentStatus status;
    Totals totals;
    try (PreparedStatement ps = c.prepareStatement(Sql.SELECT_ANSWER)) {
      ps.setString(1, id);
      ps.setInt(2, version);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("claim " + id + " has no version " + version);
        }
        status = status(rs.getString(1));
        totals =
            new Totals(
                amount(rs, 2),
                amount(rs, 3),
                amount(rs, 4),
                amount(rs, 5),
                amount(rs, 6),
                amount(rs, 7));
      }
    }
    return new Assessment(status, findings(c, id, version), totals);
  }

  private static List<Finding> findings(Connection c, String id, int version) throws SQLException {
    List<Finding> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(Sql.SELECT_FINDINGS)) {
      ps.setString(1, id);
      ps.setInt(2, version);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Finding(
                  rs.getString(1),
                  Severity.parse(rs.getString(2)),
                  rs.getString(3),
                  rs.getObject(4, Integer.class),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getString(9) + "@" + rs.getInt(10)));
        }
      }
    }
    return out;
  }

  private static List<StoredVersion> versions(Connection c, String id) throws SQLException {
    List<StoredVersion> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(Sql.SELECT_VERSIONS)) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new StoredVersion(
                  rs.getInt(1),
                  ClaimFormat.valueOf(rs.getString(2)),
                  status(rs.getString(3)),
                  instant(rs, 4),
                  rs.getString(5),
                  rs.getString(6),
                  instantOrNull(rs, 7),
                  rs.getInt(8)));
        }
      }
    }
    return out;
  }

  private static ClaimSummary summary(ResultSet rs) throws SQLException {
    return new ClaimSummary(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getInt(4),
        status(rs.getString(5)),
        rs.getObject(6, LocalDateTime.class),
        rs.getObject(7, LocalDateTime.class),
        rs.getString(8),
        instant(rs, 9));
  }

  private static AssessmentStatus status(String code) {
    return AssessmentStatus.valueOf(code.toUpperCase(Locale.ROOT));
  }

  private static BigDecimal amount(ResultSet rs, int column) throws SQLException {
    return rs.getBigDecimal(column).setScale(2);
  }

  /** A {@code NOT NULL} time column, stored in UTC. */
  private static Instant instant(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
  }

  /** A time column stored in UTC, or null when it is {@code NULL}. */
  private static @Nullable Instant instantOrNull(ResultSet rs, int column) throws SQLException {
    LocalDateTime at = rs.getObject(column, LocalDateTime.class);
    return at == null ? null : at.toInstant(ZoneOffset.UTC);
  }
}
