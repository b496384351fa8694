package vn.bhyt.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.api.MigrationVersion;
import vn.bhyt.config.GatewayConfig;
import vn.bhyt.config.Secret;
import vn.bhyt.testing.ThrowawayMariaDb;

/**
 * A fresh, migrated database for one test class, on a real MariaDB server.
 *
 * <p>The server is {@code GATEWAY_TEST_DB_URL} (a server URL such as {@code
 * jdbc:mariadb://127.0.0.1:3306/}, user {@code GATEWAY_TEST_DB_USER}, default root) when set, else
 * one throwaway server per test JVM. Closing drops the database.
 */
public final class TestDatabase implements AutoCloseable {
  private static ThrowawayMariaDb throwaway;

  private final String serverUrl;
  private final String user;
  private final String name;
  private final HikariDataSource dataSource;
  private final GatewayConfig.Db config;

  private TestDatabase(String serverUrl, String user, String name, MigrationVersion version) {
    this.serverUrl = serverUrl;
    this.user = user;
    this.name = name;
    this.config = new GatewayConfig.Db(serverUrl + name, user, new Secret(password()), 8);
    this.dataSource =
        version == null ? Database.pool(config, null) : Database.open(config, null, version);
  }

  /** Creates and migrates a database of its own. */
  public static TestDatabase create() {
    return create(MigrationVersion.LATEST);
  }

  /** Creates a database of its own with no table at all: tests of the migrations themselves. */
  public static TestDatabase createEmpty() {
    return create(null);
  }

  /**
   * Creates a database of its own, migrated up to a version only: a migration's test fills the
   * schema before it, then calls {@link #migrate()}.
   */
  public static TestDatabase create(MigrationVersion version) {
    String server = serverUrl();
    String user = System.getenv().getOrDefault("GATEWAY_TEST_DB_USER", "root");
    String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(server, user, password());
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database", e);
    }
    return new TestDatabase(server, user, name, version);
  }

  private static synchronized String serverUrl() {
    String configured = System.getenv("GATEWAY_TEST_DB_URL");
    if (configured != null && !configured.isBlank()) {
      return configured.endsWith("/") ? configured : configured + "/";
    }
    if (throwaway == null) {
      throwaway = ThrowawayMariaDb.start();
      Runtime.getRuntime().addShutdownHook(new Thread(throwaway::close, "test-db-stop"));
    }
    return throwaway.serverUrl();
  }

  private static String password() {
    return System.getenv().getOrDefault("GATEWAY_TEST_DB_PASSWORD", "");
  }

  /** Runs the migrations not yet run. */
  public void migrate() {
    Database.migrate(dataSource);
  }

  public HikariDataSource dataSource() {
    return dataSource;
  }

  /** The database's configuration, for starting a gateway on it. */
  public GatewayConfig.Db config() {
    return config;
  }

  @Override
  public void close() {
    dataSource.close();
    try (Connection c = DriverManager.getConnection(serverUrl, user, password());
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop test database " + name, e);
    }
  }
}
