package vn.bhyt.claims.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bhyt.claims.assessment.ClaimReference;
import vn.bhyt.csv.CsvException;
import vn.bhyt.csv.CsvUpsert;
import vn.bhyt.csv.ImportSummary;
import vn.bhyt.persistence.TestDatabase;

/** Price list and ICD-10 imports against a real MariaDB: idempotent upserts, bad rows by line. */
class CatalogImportIT {
  static final String PRICES = "code,name,unit,price,valid_from,valid_to,group\n";
  static TestDatabase db;

  @BeforeAll
  static void database() {
    db = TestDatabase.create();
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  static ImportSummary prices(String csv) throws Exception {
    return CatalogImporter.prices(db.dataSource(), ClaimReference.builtIn())
        .importCsv(new StringReader(csv), n -> {});
  }

  static ImportSummary icd10(String csv) throws Exception {
    return CatalogImporter.icd10(db.dataSource()).importCsv(new StringReader(csv), n -> {});
  }

  @Test
  void aPriceListImportIsIdempotentAndReportsBadRowsByLine() throws Exception {
    String rows =
        PRICES
            + "IMP.1,Khám bệnh,lần,38700,2024-01-01,2024-06-30,13\n"
            + "IMP.1,Khám bệnh,lần,42100,2024-07-01,,13\n"
            + "IMP.2,\"Xét nghiệm, máu\",lần,100.5,2024-01-01,,1\n"
            + "IMP.3,Bad price,lần,abc,2024-01-01,,1\n"
            + ",No code,lần,1,2024-01-01,,1\n"
            + "IMP.4,Bad group,lần,1,2024-01-01,,99\n";
    ImportSummary first = prices(rows);
    assertThat(first.line()).isEqualTo("6 rows read: 3 inserted, 0 updated, 0 unchanged, 3 bad");
    assertThat(first.errors()).extracting(ImportSummary.RowError::line).containsExactly(5L, 6L, 7L);
    assertThat(first.errors().get(0).message())
        .isEqualTo(
            "price is not valid (expected: VND, digits with up to 2 decimals after a point)");
    ImportSummary again = prices(rows);
    assertThat(again.line()).isEqualTo("6 rows read: 0 inserted, 0 updated, 3 unchanged, 3 bad");
    assertThat(
            rows(
                "SELECT code, valid_from, valid_to, price, cost_group FROM catalogue_price"
                    + " WHERE code LIKE 'IMP.%' ORDER BY code, valid_from"))
        .containsExactly(
            "IMP.1|2024-01-01|2024-06-30|38700.00|13",
            "IMP.1|2024-07-01|null|42100.00|13",
            "IMP.2|2024-01-01|null|100.50|1");
  }

  @Test
  void aChangedPriceUpdatesItsRowAndANewPeriodAddsOne() throws Exception {
    prices(PRICES + "CHG.1,Siêu âm,lần,43900,2024-01-01,,2\n");
    Timestamp before = changedAt("CHG.1", "2024-01-01");
    Thread.sleep(5);
    ImportSummary update = prices(PRICES + "CHG.1,Siêu âm,lần,44000,2024-01-01,,2\n");
    assertThat(update.updated()).isEqualTo(1);
    assertThat(changedAt("CHG.1", "2024-01-01")).isAfter(before);
    ImportSummary period =
        prices(
            PRICES
                + "CHG.1,Siêu âm,lần,44000,2024-01-01,2025-06-30,2\n"
                + "CHG.1,Siêu âm,lần,46000,2025-07-01,,2\n");
    assertThat(period.line()).isEqualTo("2 rows read: 1 inserted, 1 updated, 0 unchanged, 0 bad");
    assertThat(
            rows(
                "SELECT price, valid_to FROM catalogue_price WHERE code = 'CHG.1'"
                    + " ORDER BY valid_from"))
        .containsExactly("44000.00|2025-06-30", "46000.00|null");
  }

  @Test
  void aLaterRowWithTheSameKeyWinsAcrossBatches() throws Exception {
    StringBuilder csv = new StringBuilder(PRICES);
    for (int i = 0; i < CsvUpsert.BATCH + 10; i++) {
      csv.append("BIG.").append(i).append(",x,lần,").append(i).append(",2024-01-01,,\n");
    }
    csv.append("BIG.1,x,lần,999,2024-01-01,,\n");
    List<Long> progress = new ArrayList<>();
    ImportSummary s =
        CatalogImporter.prices(db.dataSource(), ClaimReference.builtIn())
            .importCsv(new StringReader(csv.toString()), progress::add);
    assertThat(s.line()).isEqualTo("2011 rows read: 2010 inserted, 1 updated, 0 unchanged, 0 bad");
    assertThat(progress).containsExactly(2000L, 2011L);
    assertThat(rows("SELECT price FROM catalogue_price WHERE code = 'BIG.1'"))
        .containsExactly("999.00");
  }

  @Test
  void aFileWithoutARequiredColumnIsRefusedWhole() {
    assertThatThrownBy(() -> prices("code,name,price\nX,y,1\n"))
        .isInstanceOf(CsvException.class)
        .hasMessage("line 1: the header has no valid_from column");
    assertThatThrownBy(() -> icd10("name\nx\n"))
        .isInstanceOf(CsvException.class)
        .hasMessage("line 1: the header has no code column");
    assertThatThrownBy(() -> icd10("")).isInstanceOf(CsvException.class);
  }

  @Test
  void anIcd10ImportIsIdempotentAndNormalisesCodes() throws Exception {
    String csv =
        "code,name,valid_from,valid_to\n"
            + "a00.0,Tả do Vibrio cholerae,,\n"
            + "A17.0†,Lao màng não,,\n"
            + "U07.1,COVID-19,2020-03-01,\n"
            + "XYZ,Not a code,,\n"
            + "U07.2,Bad dates,2020-03-01,2020-02-01\n";
    ImportSummary first = icd10(csv);
    assertThat(first.line()).isEqualTo("5 rows read: 3 inserted, 0 updated, 0 unchanged, 2 bad");
    assertThat(first.errors()).extracting(ImportSummary.RowError::line).containsExactly(5L, 6L);
    assertThat(icd10(csv).unchanged()).isEqualTo(3);
    assertThat(icd10("code,name\nA00.0,Tả\n").updated()).isEqualTo(1);
    assertThat(rows("SELECT code FROM icd10_code ORDER BY code"))
        .containsExactly("A00.0", "A17.0", "U07.1");
  }

  static Timestamp changedAt(String code, String from) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT changed_at FROM catalogue_price WHERE code = '"
                    + code
                    + "' AND valid_from = '"
                    + from
                    + "'")) {
      rs.next();
      return rs.getTimestamp(1);
    }
  }

  static List<String> rows(String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          values.add(String.valueOf(rs.getString(i)));
        }
        out.add(String.join("|", values));
      }
    }
    return out;
  }
}
