package vn.bhyt.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * Runs the migrations of every {@link Schema} on the class path, each module's with its own history
 * table.
 *
 * <p>A database migrated before the modules kept histories of their own has one history, {@value
 * #LEGACY_HISTORY}, of migrations numbered across all modules. Each module then adopts the versions
 * of its own that the old history records as run: its history starts with a baseline at the highest
 * of them, and only its later migrations run. The old history is left as it is.
 */
final class Migrations {
  static final String LEGACY_HISTORY = "flyway_schema_history";

  private Migrations() {}

  /** The schemas on the class path, by name. */
  static List<Schema> schemas() {
    List<Schema> schemas =
        ServiceLoader.load(Schema.class).stream()
            .map(ServiceLoader.Provider::get)
            .sorted(Comparator.comparing(Schema::name))
            .toList();
    if (schemas.isEmpty()) {
      throw new IllegalStateException("no Schema on the class path (expected: at least shared's)");
    }
    return schemas;
  }

  /** Brings every schema up to a version (or {@link MigrationVersion#LATEST}). */
  static void run(DataSource ds, MigrationVersion target) {
    Set<String> legacy = legacyVersions(ds);
    for (Schema schema : schemas()) {
      List<MigrationVersion> versions = versions(ds, schema);
      MigrationVersion own = own(versions, target);
      if (own != null) {
        configure(ds, schema, own).baselineVersion(baseline(versions, legacy)).load().migrate();
      }
    }
  }

  private static FluentConfiguration configure(
      DataSource ds, Schema schema, MigrationVersion target) {
    return Flyway.configure()
        .dataSource(ds)
        .locations(schema.location())
        .table(schema.historyTable())
        .failOnMissingLocations(true)
        .baselineOnMigrate(true)
        .baselineDescription("versions adopted from " + LEGACY_HISTORY)
        .target(target);
  }

  /** The versions of the schema's migrations. */
  private static List<MigrationVersion> versions(DataSource ds, Schema schema) {
    return Arrays.stream(configure(ds, schema, MigrationVersion.LATEST).load().info().all())
        .map(MigrationInfo::getVersion)
        .filter(Objects::nonNull)
        .toList();
  }

  /**
   * The schema's own target: the highest of its versions not above the target, or null when all of
   * them are above it (the schema is left alone).
   */
  private static @Nullable MigrationVersion own(
      List<MigrationVersion> versions, MigrationVersion target) {
    if (target.equals(MigrationVersion.LATEST)) {
      return target;
    }
    return versions.stream()
        .filter(v -> !v.isNewerThan(target.getVersion()))
        .max(Comparator.naturalOrder())
        .orElse(null);
  }

  /**
   * The version the schema's history starts at where it has none yet: the highest of its migrations
   * the old history records as run, or 0 when it records none (all of them run).
   */
  private static MigrationVersion baseline(List<MigrationVersion> versions, Set<String> legacy) {
    return versions.stream()
        .filter(v -> legacy.contains(v.getVersion()))
        .max(Comparator.naturalOrder())
        .orElse(MigrationVersion.fromVersion("0"));
  }

  /** The versions the old shared history records as run successfully; none where it is absent. */
  private static Set<String> legacyVersions(DataSource ds) {
    Set<String> versions = new HashSet<>();
    try (Connection c = ds.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      try (ResultSet tables = meta.getTables(c.getCatalog(), null, LEGACY_HISTORY, null)) {
        if (!tables.next()) {
          return versions;
        }
      }
      try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT version FROM "
                      + LEGACY_HISTORY
                      + " WHERE success = 1 AND version IS NOT NULL");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          versions.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new DatabaseException("reading " + LEGACY_HISTORY + " failed", e);
    }
    return versions;
  }
}
