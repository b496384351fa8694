package vn.bhyt.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import org.flywaydb.core.api.MigrationVersion;
import org.jspecify.annotations.Nullable;
import vn.bhyt.config.GatewayConfig;

/**
 * Opens the gateway's database: a HikariCP pool over MariaDB, migrated to the current schema, whose
 * connections accept several statements in one round trip.
 */
public final class Database {
  private Database() {}

  /**
   * Opens a pool and runs the pending migrations (all of them on an empty database).
   *
   * @param metrics where pool usage is published, or null
   */
  public static HikariDataSource open(GatewayConfig.Db db, @Nullable MeterRegistry metrics) {
    return open(db, metrics, MigrationVersion.LATEST);
  }

  /**
   * Opens a pool and runs the pending migrations of every module up to a version (tests of a
   * migration start just before it).
   *
   * @param metrics where pool usage is published, or null
   */
  public static HikariDataSource open(
      GatewayConfig.Db db, @Nullable MeterRegistry metrics, MigrationVersion target) {
    HikariDataSource ds = pool(db, metrics);
    try {
      migrate(ds, target);
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
    return ds;
  }

  /**
   * Opens a pool without migrating: for tools and tests that bring the schema about themselves.
   *
   * @param metrics where pool usage is published, or null
   */
  public static HikariDataSource pool(GatewayConfig.Db db, @Nullable MeterRegistry metrics) {
    return pool(db, metrics, "bhyt");
  }

  /**
   * Opens a pool of its own name without migrating: for a part that must not wait for the main
   * pool's connections (the forwarder beside reception).
   *
   * @param name the pool's name in its threads and metrics
   */
  public static HikariDataSource pool(
      GatewayConfig.Db db, @Nullable MeterRegistry metrics, String name) {
    HikariConfig hc = new HikariConfig();
    hc.setPoolName(name);
    hc.setJdbcUrl(db.url());
    hc.setUsername(db.user());
    hc.setPassword(db.password().value());
    hc.setMaximumPoolSize(db.poolSize());
    hc.setMinimumIdle(Math.min(2, db.poolSize()));
    hc.setConnectionTimeout(5_000);
    hc.setConnectionInitSql("SET time_zone = '+00:00'");
    hc.addDataSourceProperty("allowMultiQueries", "true");
    if (metrics != null) {
      hc.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics));
    }
    return new HikariDataSource(hc);
  }

  /** Brings every module's schema ({@link Schema}) up to date. */
  public static void migrate(javax.sql.DataSource ds) {
    migrate(ds, MigrationVersion.LATEST);
  }

  private static void migrate(javax.sql.DataSource ds, MigrationVersion target) {
    Migrations.run(ds, target);
  }

  /**
   * Commits a transaction begun with {@code setAutoCommit(false)} by turning autocommit back on,
   * which JDBC and MariaDB define to commit: one round trip, where {@code commit()} and the pool's
   * later reset of autocommit take two.
   */
  public static void commit(Connection c) throws SQLException {
    c.setAutoCommit(true);
  }

  /**
   * Whether the database answers within a second. A pool is asked on a connection of its own,
   * outside the pool: a pool whose connections are all busy with work is not a database down.
   */
  public static boolean reachable(javax.sql.DataSource ds) {
    if (ds instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
      Properties props = new Properties();
      props.setProperty("user", Objects.requireNonNullElse(pool.getUsername(), ""));
      props.setProperty("password", Objects.requireNonNullElse(pool.getPassword(), ""));
      props.setProperty("connectTimeout", "1000");
      props.setProperty("socketTimeout", "2000");
      try (Connection c = DriverManager.getConnection(pool.getJdbcUrl(), props)) {
        return c.isValid(1);
      } catch (SQLException e) {
        return false;
      }
    }
    try (Connection c = ds.getConnection()) {
      return c.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }
}
