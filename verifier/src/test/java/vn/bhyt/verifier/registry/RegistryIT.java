package vn.bhyt.verifier.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bhyt.csv.ImportSummary;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.persistence.TestDatabase;
import vn.bhyt.verifier.rules.CardStatus;
import vn.bhyt.verifier.rules.RegistryEntry;

/** The registry against a real MariaDB: import, lookups, cache invalidation across processes. */
class RegistryIT {
  static final String HEADER =
      "card_number,ssn,citizen_id,name,birth_date,sex,registered_facility,valid_from,"
          + "valid_to,status,replaced_by,five_years_from,living_area,benefit_level,group_code\n";
  static TestDatabase db;

  @BeforeAll
  static void database() {
    db = TestDatabase.create();
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  static ImportSummary load(String rows) throws Exception {
    return new RegistryImporter(db.dataSource())
        .importCsv(new StringReader(HEADER + rows), n -> {});
  }

  @Test
  void importIsIdempotentAndReportsBadRowsByLine() throws Exception {
    String rows =
        "DN4797900000001,,,Nguyễn Văn An,1990-01-31,male,79034,2026-01-01,2026-12-31,active,,,,4,DN\n"
            + "DN4797900000002,,,\"Trần, Thị B\",1991,female,79034,2026-01-01,2026-12-31,,,,K1,4,DN\n"
            + "DN4797900000003,,,Bad Date,31/01/1990,male,79034,2026-01-01,2026-12-31,active,,,,4,DN\n"
            + "NOT-A-NUMBER,,,X,1990,male,79034,,,,,,,,\n"
            + "DN4797900000004,,,Bad Status,1990,male,79034,,,lost,,,,4,DN\n";
    ImportSummary first = load(rows);
    assertThat(first.read()).isEqualTo(5);
    assertThat(first.inserted()).isEqualTo(2);
    assertThat(first.bad()).isEqualTo(3);
    assertThat(first.errors()).extracting(ImportSummary.RowError::line).containsExactly(4L, 5L, 6L);
    assertThat(first.errors().get(0).message()).contains("birth_date").doesNotContain("31/01/1990");
    ImportSummary again = load(rows);
    assertThat(again.inserted()).isZero();
    assertThat(again.updated()).isZero();
    assertThat(again.unchanged()).isEqualTo(2);
    ImportSummary changed =
        load(
            "DN4797900000001,,,Nguyễn Văn An,1990-01-31,male,79034,2026-01-01,2026-12-31,revoked,,,,4,DN\n");
    assertThat(changed.updated()).isEqualTo(1);
    assertThat(count()).isEqualTo(2);
  }

  @Test
  void findsCardsByNumberBySsnAndByCitizenId() throws Exception {
    load(
        "GD4790000000010,,,Võ Thanh Dũng,1968-11-02,male,79034,2025-01-01,2025-12-31,active,7900000010,,,4,GD\n"
            + "7900000010,,079068000010,Võ Thanh Dũng,1968-11-02,male,79034,2026-01-01,,active,,2020-01-01,K2,4,GD\n");
    JdbcRegistry store = new JdbcRegistry(db.dataSource());
    RegistryEntry old = store.find(RegistryKey.card("GD4790000000010")).orElseThrow();
    assertThat(old.replacedBy()).isEqualTo("7900000010");
    assertThat(old.validTo()).isEqualTo(LocalDate.of(2025, 12, 31));
    RegistryEntry current = store.find(RegistryKey.card("7900000010")).orElseThrow();
    assertThat(current.cardNumber().value()).isEqualTo("7900000010");
    assertThat(current.validTo()).isNull();
    assertThat(current.livingArea()).isNotNull();
    assertThat(store.find(RegistryKey.citizen("079068000010")))
        .get()
        .extracting(e -> e.cardNumber().value())
        .isEqualTo("7900000010");
    assertThat(store.find(RegistryKey.card("7900000099"))).isEmpty();
  }

  @Test
  void aNewNumberFindsTheNewestCardOfThatSsn() throws Exception {
    load(
        "HC4797900000020,,,Lý Mai,1980-02-02,female,79034,2025-01-01,2025-12-31,active,,,,4,HC\n"
            + "HC1797900000020,,,Lý Mai,1980-02-02,female,79034,2026-01-01,2026-12-31,active,,,,1,HC\n");
    Optional<RegistryEntry> e =
        new JdbcRegistry(db.dataSource()).find(RegistryKey.card("7900000020"));
    assertThat(e).get().extracting(x -> x.cardNumber().value()).isEqualTo("HC1797900000020");
  }

  @Test
  void theCacheLearnsOfAnImportMadeElsewhere() throws Exception {
    load(
        "DN4797900000030,,,Hồ Văn Tâm,1970-01-01,male,79034,2026-01-01,2026-12-31,active,,,,4,DN\n");
    // imported an hour ago, long before the cache's first poll
    execute(
        "UPDATE registry_card SET changed_at = NOW(6) - INTERVAL 1 HOUR"
            + " WHERE card_number = 'DN4797900000030'");
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try (CachingRegistry cache =
        new CachingRegistry(
            new JdbcRegistry(db.dataSource()),
            1000,
            Duration.ofHours(1),
            Executors.newFixedThreadPool(2))) {
      cache.startPolling(scheduler, Duration.ofHours(1));
      CardNumber n = CardNumber.of("DN4797900000030");
      CardNumber absent = CardNumber.of("DN4797900000031");
      assertThat(cache.byCardNumber(n).toCompletableFuture().get())
          .get()
          .extracting(RegistryEntry::status)
          .isEqualTo(CardStatus.ACTIVE);
      assertThat(cache.byCardNumber(absent).toCompletableFuture().get()).isEmpty();
      load(
          "DN4797900000030,,,Hồ Văn Tâm,1970-01-01,male,79034,2026-01-01,2026-12-31,revoked,,,,4,DN\n"
              + "DN4797900000031,,,Hồ Văn Tú,1972-01-01,male,79034,2026-01-01,2026-12-31,active,,,,4,DN\n");
      assertThat(cache.byCardNumber(n).toCompletableFuture().get())
          .get()
          .extracting(RegistryEntry::status)
          .isEqualTo(CardStatus.ACTIVE);
      cache.poll();
      assertThat(cache.byCardNumber(n).toCompletableFuture().get())
          .get()
          .extracting(RegistryEntry::status)
          .isEqualTo(CardStatus.REVOKED);
      assertThat(cache.byCardNumber(absent).toCompletableFuture().get()).isPresent();
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void anImportThatChangesARowMovesItsChangeTime() throws Exception {
    String row =
        "DN4797900000040,,,Lý Thị Hoa,1980-05-05,female,79034,2026-01-01,2026-12-31,%s,,,,4,DN\n";
    load(row.formatted("active"));
    execute(
        "UPDATE registry_card SET changed_at = '2020-01-01 00:00:00'"
            + " WHERE card_number = 'DN4797900000040'");
    load(row.formatted("active"));
    assertThat(changedYear("DN4797900000040")).isEqualTo(2020);
    load(row.formatted("revoked"));
    assertThat(changedYear("DN4797900000040")).isGreaterThan(2020);
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  private static int changedYear(String cardNumber) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        var rs =
            s.executeQuery(
                "SELECT YEAR(changed_at) FROM registry_card WHERE card_number = '"
                    + cardNumber
                    + "'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static long count() throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        var rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM registry_card WHERE card_number LIKE 'DN479790000000_'")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
