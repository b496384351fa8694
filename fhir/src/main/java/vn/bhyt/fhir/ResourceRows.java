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
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import vn.bhyt.persistence.Statements;

/** The resource tables: each resource's current version and the JSON of every version. */
final class ResourceRows {
  private static final String CURRENT_BODY =
      "SELECT v.body FROM fhir_resource r JOIN fhir_resource_version v"
          + " ON v.res_type = r.res_type AND v.res_id = r.res_id AND v.version = r.version"
          + " WHERE r.res_type = ? AND r.res_id = ?";

  private static final String INSERT_VERSIONS =
      "INSERT INTO fhir_resource_version (res_type, res_id, version, last_updated, body)";

  private ResourceRows() {}

  /** Adds the rows of new resources at version 1: one multi-row insert per table. */
  static void insert(Statements out, List<StoredJson> created) {
    List<Object[]> resources = new ArrayList<>();
    List<Object[]> versions = new ArrayList<>();
    for (StoredJson r : created) {
      LocalDateTime at = utc(r.lastUpdated());
      resources.add(new Object[] {r.type(), r.id(), r.version(), at});
      versions.add(new Object[] {r.type(), r.id(), r.version(), at, r.json()});
    }
    out.insertRows("INSERT INTO fhir_resource (res_type, res_id, version, last_updated)", resources)
        .insertRows(INSERT_VERSIONS, versions);
  }

  /** Adds the rows that make a new version current. */
  static void update(Statements out, String type, String id, int version, Instant at, String body) {
    out.add(
        "UPDATE fhir_resource SET version = ?, last_updated = ? WHERE res_type = ? AND res_id = ?",
        version,
        utc(at),
        type,
        id);
    out.insertRows(
        INSERT_VERSIONS, List.<Object[]>of(new Object[] {type, id, version, utc(at), body}));
  }

  /** The current version of a resource, locked until the transaction ends, or empty. */
  static OptionalInt lockVersion(Connection c, String type, String id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT version FROM fhir_resource WHERE res_type = ? AND res_id = ? FOR UPDATE")) {
      ps.setString(1, type);
      ps.setString(2, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty();
      }
    }
  }

  /**
   * The JSON of a resource's current version.
   *
   * @param latest read the latest committed row with a shared lock, not the transaction's snapshot
   */
  static Optional<String> current(Connection c, String type, String id, boolean latest)
      throws SQLException {
    return single(c, CURRENT_BODY + (latest ? " LOCK IN SHARE MODE" : ""), type, id, null);
  }

  /** The current version of a resource as stored, or empty. */
  static Optional<StoredJson> currentStored(Connection c, String type, String id)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT r.version, r.last_updated, v.body FROM fhir_resource r"
                + " JOIN fhir_resource_version v ON v.res_type = r.res_type"
                + " AND v.res_id = r.res_id AND v.version = r.version"
                + " WHERE r.res_type = ? AND r.res_id = ?")) {
      ps.setString(1, type);
      ps.setString(2, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        Instant at = rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC);
        return Optional.of(new StoredJson(type, id, rs.getInt(1), at, rs.getString(3)));
      }
    }
  }

  /** The JSON of one version of a resource. */
  static Optional<String> version(Connection c, String type, String id, int version)
      throws SQLException {
    return single(
        c,
        "SELECT body FROM fhir_resource_version WHERE res_type = ? AND res_id = ? AND version = ?",
        type,
        id,
        version);
  }

  /** The JSON of every version of a resource, newest first. */
  static List<String> history(Connection c, String type, String id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT body FROM fhir_resource_version WHERE res_type = ? AND res_id = ?"
                + " ORDER BY version DESC")) {
      ps.setString(1, type);
      ps.setString(2, id);
      List<String> bodies = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          bodies.add(rs.getString(1));
        }
      }
      return bodies;
    }
  }

  private static Optional<String> single(
      Connection c, String sql, String type, String id, @Nullable Integer version)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, type);
      ps.setString(2, id);
      if (version != null) {
        ps.setInt(3, version);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  private static LocalDateTime utc(Instant at) {
    return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
