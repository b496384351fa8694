package vn.bhyt.claims.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bhyt.claims.assessment.Answer;
import vn.bhyt.persistence.TestDatabase;

/**
 * The ICD-10 list against a real MariaDB: unknown until imported, periods, reloads. Each test has a
 * database of its own.
 */
class IcdListIT {
  static final String HEADER = "code,name,valid_from,valid_to\n";
  static TestDatabase db;

  @BeforeAll
  static void database() {
    db = TestDatabase.create();
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  static void load(String csv) throws Exception {
    CatalogImporter.icd10(db.dataSource()).importCsv(new StringReader(HEADER + csv), n -> {});
  }

  static Answer on(JdbcIcdList list, String code, String day) {
    return list.contains(code, LocalDate.parse(day));
  }

  @Test
  void unknownUntilAListIsImportedThenYesOrNoByPeriodAndFirstDay() throws Exception {
    AtomicLong time = new AtomicLong();
    JdbcIcdList list =
        new JdbcIcdList(db.dataSource(), Duration.ofSeconds(2), Duration.ofHours(1), time::get);
    assertThat(on(list, "J18.9", "2026-01-01")).isEqualTo(Answer.UNKNOWN);

    load("U07.1,COVID-19,2020-03-01,\nX99.9,Dated,2019-01-01,2021-12-31\n");
    assertThat(on(list, "U07.1", "2026-01-01")).as("until the next poll").isEqualTo(Answer.UNKNOWN);
    time.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(on(list, "X99.9", "2018-12-31")).as("before the list").isEqualTo(Answer.UNKNOWN);
    assertThat(on(list, "X99.9", "2019-01-01")).isEqualTo(Answer.YES);
    assertThat(on(list, "U07.1", "2019-01-01")).isEqualTo(Answer.NO);
    assertThat(on(list, "U07.1", "2020-02-29")).isEqualTo(Answer.NO);
    assertThat(on(list, "U07.1", "2020-03-01")).isEqualTo(Answer.YES);
    assertThat(on(list, "u07.1 ", "2030-03-01")).isEqualTo(Answer.YES);
    assertThat(on(list, "X99.9", "2021-12-31")).isEqualTo(Answer.YES);
    assertThat(on(list, "X99.9", "2022-01-01")).isEqualTo(Answer.NO);
    assertThat(on(list, "J18.9", "2022-01-01")).isEqualTo(Answer.NO);
    assertThat(on(list, null, "2022-01-01")).isEqualTo(Answer.NO);

    load("A17.0,Lao màng não,,\nX99.9,Dated,2019-01-01,2022-12-31\n");
    time.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(on(list, "A17.0†", "1990-01-01")).isEqualTo(Answer.YES);
    assertThat(on(list, "U07.1", "1990-01-01"))
        .as("the list now has no start")
        .isEqualTo(Answer.NO);
    assertThat(on(list, "X99.9", "2022-06-01")).isEqualTo(Answer.YES);
  }

  @Test
  void aWholeListOfFifteenThousandCodesLoadsOnce() throws Exception {
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < 15_000; i++) {
      csv.append(String.format("B%02d.%d,Code %d,,%n", i / 1000, i % 1000, i));
    }
    try (TestDatabase own = TestDatabase.create()) {
      CatalogImporter.icd10(own.dataSource()).importCsv(new StringReader(HEADER + csv), n -> {});
      JdbcIcdList list = new JdbcIcdList(own.dataSource());
      for (int i = 0; i < 15_000; i += 7) {
        String code = String.format("B%02d.%d", i / 1000, i % 1000);
        assertThat(list.contains(code, LocalDate.of(2026, 1, 1))).isEqualTo(Answer.YES);
      }
      assertThat(list.contains("B99.9", LocalDate.of(2026, 1, 1))).isEqualTo(Answer.NO);
    }
  }
}
