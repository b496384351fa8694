package vn.bhyt.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import vn.bhyt.persistence.TestDatabase;

/**
 * Every module migrates its own tables with a history of its own, on a new database and on one
 * migrated when all modules shared one history.
 */
class SchemasIT {
  static final List<String> MODULES = List.of("claims", "fhir", "shared", "verifier");

  @Test
  void aNewDatabaseGetsEveryModulesTablesAndAHistoryPerModule() throws Exception {
    try (TestDatabase db = TestDatabase.create()) {
      List<String> tables = tables(db.dataSource());
      for (String module : MODULES) {
        assertThat(tables).contains("schema_history_" + module);
      }
      assertThat(tables)
          .contains(
              "api_token", "registry_card", "card_check", "fhir_resource", "claim", "icd10_code")
          .doesNotContain("flyway_schema_history");
      assertThat(highest(db.dataSource()))
          .containsEntry("shared", "12")
          .containsEntry("verifier", "13")
          .containsEntry("fhir", "10")
          .containsEntry("claims", "14");
    }
  }

  @Test
  void aDatabaseWithTheOldSharedHistoryKeepsItsDataAndRunsNothingTwice() throws Exception {
    try (TestDatabase db = TestDatabase.createEmpty()) {
      legacy(db.dataSource(), "8");
      execute(
          db.dataSource(),
          "INSERT INTO api_token (token_hash, name, role) VALUES ('h', 'n', 'admin')");
      db.migrate();
      assertThat(highest(db.dataSource()))
          .containsEntry("shared", "12")
          .containsEntry("verifier", "13")
          .containsEntry("fhir", "10")
          .containsEntry("claims", "14");
      assertThat(count(db.dataSource(), "api_token")).isEqualTo(1);
      db.migrate();
      assertThat(count(db.dataSource(), "api_token")).isEqualTo(1);
    }
  }

  @Test
  void aModuleRunsTheMigrationsTheOldHistoryHadNotRunYet() throws Exception {
    try (TestDatabase db = TestDatabase.createEmpty()) {
      legacy(db.dataSource(), "6");
      db.migrate();
      assertThat(highest(db.dataSource())).containsEntry("verifier", "13");
      try (Connection c = db.dataSource().getConnection();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT version FROM schema_history_verifier WHERE success = 1 ORDER BY"
                      + " installed_rank")) {
        List<String> versions = new ArrayList<>();
        while (rs.next()) {
          versions.add(rs.getString(1));
        }
        assertThat(versions)
            .as("a baseline at 6, then 7, 8, 11 and 13")
            .containsExactly("6", "7", "8", "11", "13");
      }
    }
  }

  /** Migrates as the gateway did before: one history of all modules' migrations. */
  static void legacy(DataSource ds, String target) {
    Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration")
        .target(target)
        .load()
        .migrate();
  }

  /** Each module's highest version run. */
  static Map<String, String> highest(DataSource ds) throws SQLException {
    Map<String, String> out = new TreeMap<>();
    for (String module : MODULES) {
      try (Connection c = ds.getConnection();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT version FROM schema_history_"
                      + module
                      + " WHERE success = 1 ORDER BY installed_rank DESC LIMIT 1")) {
        if (rs.next()) {
          out.put(module, rs.getString(1));
        }
      }
    }
    return out;
  }

  static List<String> tables(DataSource ds) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection c = ds.getConnection();
        ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, "%", null)) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
      }
    }
    return tables;
  }

  static int count(DataSource ds, String table) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  static void execute(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
