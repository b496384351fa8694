package vn.bhyt.claims.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bhyt.claims.assessment.ClaimReference;
import vn.bhyt.claims.assessment.PriceCatalogue;
import vn.bhyt.persistence.Plans;
import vn.bhyt.persistence.TestDatabase;

/** Price lookups against a real MariaDB: period boundaries, the cache and its invalidation. */
class PriceCatalogueIT {
  static final String HEADER = "code,name,unit,price,valid_from,valid_to,group\n";
  static TestDatabase db;

  @BeforeAll
  static void seed() throws Exception {
    db = TestDatabase.create();
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 0; i < 3_000; i++) {
      csv.append("SEED.").append(i).append(",x,lần,").append(i).append(",2023-01-01,2023-12-31,\n");
      csv.append("SEED.").append(i).append(",x,lần,").append(i + 1).append(",2024-01-01,,\n");
    }
    csv.append("K01,Khám bệnh,lần,38700,2024-01-01,2024-06-30,13\n")
        .append("K01,Khám bệnh,lần,42100,2024-07-01,,13\n")
        .append("K01,Khám bệnh,lần,50000,2025-07-01,2025-12-31,13\n")
        .append("GAP,Gap,lần,10,2024-01-01,2024-01-31,\n")
        .append("GAP,Gap,lần,12,2024-03-01,2024-03-31,\n");
    load(csv.toString());
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("ANALYZE TABLE catalogue_price");
    }
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  static void load(String csv) throws Exception {
    CatalogImporter.prices(db.dataSource(), ClaimReference.builtIn())
        .importCsv(new StringReader(csv), n -> {});
  }

  static Optional<BigDecimal> price(PriceCatalogue catalogue, String code, String day) {
    return catalogue.price(code, LocalDate.parse(day));
  }

  @Test
  void pricesOnPeriodBoundariesFromTheTableAndFromTheCache() {
    AtomicLong time = new AtomicLong();
    List<PriceCatalogue> both =
        List.of(
            new JdbcPriceCatalogue(db.dataSource()),
            new CachingPriceCatalogue(
                db.dataSource(), 100, Duration.ofSeconds(2), Duration.ofHours(1), time::get));
    for (PriceCatalogue c : both) {
      assertThat(price(c, "K01", "2023-12-31")).isEmpty();
      assertThat(price(c, "K01", "2024-01-01")).contains(new BigDecimal("38700.00"));
      assertThat(price(c, "K01", "2024-06-30")).contains(new BigDecimal("38700.00"));
      assertThat(price(c, "K01", "2024-07-01")).contains(new BigDecimal("42100.00"));
      assertThat(price(c, "K01", "2025-06-30")).contains(new BigDecimal("42100.00"));
      assertThat(price(c, "K01", "2025-07-01")).contains(new BigDecimal("50000.00"));
      assertThat(price(c, "K01", "2025-12-31")).contains(new BigDecimal("50000.00"));
      assertThat(price(c, "K01", "2026-01-01")).contains(new BigDecimal("42100.00"));
      assertThat(price(c, " K01 ", "2026-01-01")).contains(new BigDecimal("42100.00"));
      assertThat(price(c, "k01", "2026-01-01")).as("codes compare exactly").isEmpty();
      assertThat(price(c, "GAP", "2024-01-31")).contains(new BigDecimal("10.00"));
      assertThat(price(c, "GAP", "2024-02-01")).isEmpty();
      assertThat(price(c, "GAP", "2024-03-01")).contains(new BigDecimal("12.00"));
      assertThat(price(c, "GAP", "2024-04-01")).isEmpty();
      assertThat(price(c, "NONE", "2024-04-01")).isEmpty();
      assertThat(price(c, null, "2024-04-01")).isEmpty();
      assertThat(price(c, "SEED.77", "2023-12-31")).contains(new BigDecimal("77.00"));
      assertThat(price(c, "SEED.77", "2024-01-01")).contains(new BigDecimal("78.00"));
    }
  }

  @Test
  void theCacheAnswersRepeatedCodesWithoutTheDatabaseAndStaysBounded() {
    AtomicLong time = new AtomicLong();
    CachingPriceCatalogue c =
        new CachingPriceCatalogue(
            db.dataSource(), 50, Duration.ofSeconds(2), Duration.ofHours(1), time::get);
    for (int day = 0; day < 30; day++) {
      assertThat(c.price("K01", LocalDate.of(2024, 1, 1).plusDays(day))).isPresent();
    }
    assertThat(c.hits()).isEqualTo(29);
    for (int i = 0; i < 500; i++) {
      c.price("SEED." + i, LocalDate.of(2024, 1, 1));
    }
    c.cleanUp();
    assertThat(c.size()).isLessThanOrEqualTo(50);
  }

  @Test
  void anImportReachesTheCacheWithinThePollInterval() throws Exception {
    AtomicLong time = new AtomicLong();
    CachingPriceCatalogue c =
        new CachingPriceCatalogue(
            db.dataSource(), 100, Duration.ofSeconds(2), Duration.ofHours(1), time::get);
    assertThat(price(c, "NEW.1", "2026-01-01")).isEmpty();
    assertThat(price(c, "CHANGE.1", "2026-01-01")).isEmpty();
    load(HEADER + "NEW.1,x,lần,5,2025-01-01,,\nCHANGE.1,x,lần,7,2025-01-01,,\n");
    assertThat(price(c, "NEW.1", "2026-01-01")).as("until the next poll").isEmpty();
    time.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(price(c, "NEW.1", "2026-01-01")).contains(new BigDecimal("5.00"));
    assertThat(price(c, "CHANGE.1", "2026-01-01")).contains(new BigDecimal("7.00"));
    load(HEADER + "CHANGE.1,x,lần,8,2025-01-01,,\n");
    time.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(price(c, "CHANGE.1", "2026-01-01")).contains(new BigDecimal("8.00"));
    load(HEADER + "CHANGE.1,x,lần,8,2025-01-01,,\n");
    time.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(price(c, "CHANGE.1", "2026-01-01")).contains(new BigDecimal("8.00"));
    long hits = c.hits();
    price(c, "CHANGE.1", "2026-01-02");
    assertThat(c.hits()).as("an unchanged re-import keeps the cache").isEqualTo(hits + 1);
  }

  @Test
  void aCachedCodeIsReloadedAfterItsMaximumAgeWhateverThePollsSay() throws Exception {
    AtomicLong time = new AtomicLong();
    CachingPriceCatalogue c =
        new CachingPriceCatalogue(
            db.dataSource(), 100, Duration.ofSeconds(2), Duration.ofMinutes(10), time::get);
    load(HEADER + "AGE.1,x,lần,1,2025-01-01,,\n");
    assertThat(price(c, "AGE.1", "2026-01-01")).contains(new BigDecimal("1.00"));
    try (Connection conn = db.dataSource().getConnection();
        Statement s = conn.createStatement()) {
      s.executeUpdate(
          "UPDATE catalogue_price SET price = 2, changed_at = changed_at WHERE code = 'AGE.1'");
    }
    time.addAndGet(Duration.ofSeconds(3).toNanos());
    assertThat(price(c, "AGE.1", "2026-01-01")).contains(new BigDecimal("1.00"));
    time.addAndGet(Duration.ofMinutes(10).toNanos());
    assertThat(price(c, "AGE.1", "2026-01-01")).contains(new BigDecimal("2.00"));
  }

  @Test
  void lookupsReadOnlyTheCodesRows() throws Exception {
    Date day = Date.valueOf("2024-08-01");
    assertThat(Plans.fullScans(db.dataSource(), JdbcPriceCatalogue.ON_DAY, "K01", day, day))
        .isEmpty();
    assertThat(Plans.fullScans(db.dataSource(), JdbcPriceCatalogue.PERIODS, "SEED.10")).isEmpty();
    assertThat(Plans.fullScans(db.dataSource(), "SELECT MAX(changed_at) FROM catalogue_price"))
        .isEmpty();
  }
}
