package vn.bhyt.claims.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bhyt.persistence.Database;
import vn.bhyt.persistence.TestDatabase;

/**
 * {@link StoredColumn} against the migrated database: every column of the claims module's tables is
 * declared, each with the type, length, precision, scale, character set and nullability its
 * migration gave it.
 */
class StoredColumnIT {
  static TestDatabase db;
  static HikariDataSource pool;

  @BeforeAll
  static void open() {
    db = TestDatabase.create();
    pool = Database.open(db.config(), null);
  }

  @AfterAll
  static void close() {
    pool.close();
    db.close();
  }

  @Test
  void everyColumnOfTheModulesTablesIsDeclaredAsTheMigrationDefinesIt() throws Exception {
    Set<String> tables =
        Arrays.stream(StoredColumn.values()).map(StoredColumn::table).collect(Collectors.toSet());
    Map<String, String> actual = new LinkedHashMap<>();
    try (Connection c = pool.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH,"
                    + " NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION, CHARACTER_SET_NAME,"
                    + " IS_NULLABLE FROM information_schema.COLUMNS"
                    + " WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (!tables.contains(rs.getString(1))) {
            continue;
          }
          String kind = rs.getString(3);
          long size =
              switch (kind) {
                case "decimal" -> rs.getLong(5);
                case "datetime", "timestamp" -> rs.getLong(7);
                case "char", "varchar", "text", "longtext", "binary" -> rs.getLong(4);
                default -> 0;
              };
          int scale = kind.equals("decimal") ? rs.getInt(6) : 0;
          actual.put(
              rs.getString(1) + "." + rs.getString(2),
              describe(kind, size, scale, rs.getString(8), rs.getString(9).equals("YES")));
        }
      }
    }
    Map<String, String> declared = new LinkedHashMap<>();
    for (StoredColumn col : StoredColumn.values()) {
      ColumnType t = col.type();
      declared.put(
          col.table() + "." + col.column(),
          describe(t.kind().dataType(), t.size(), t.scale(), t.charset(), col.nullable()));
    }

    assertThat(declared).containsExactlyInAnyOrderEntriesOf(actual);
  }

  private static String describe(
      String kind, long size, int scale, String charset, boolean nullable) {
    return kind
        + "("
        + size
        + ","
        + scale
        + ")"
        + (charset == null ? "" : " " + charset)
        + (nullable ? " null" : " not null");
  }
}
