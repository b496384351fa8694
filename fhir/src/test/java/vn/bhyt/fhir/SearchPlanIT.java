package vn.bhyt.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bhyt.persistence.Sql;
import vn.bhyt.persistence.TestDatabase;

/**
 * Every listed search runs through indexes: MariaDB's plan for its count, page and ids queries
 * reads no resource or index table whole ({@code ALL}, or {@code index} for a full index scan), on
 * a database of a few thousand resources with fresh statistics.
 */
class SearchPlanIT {
  static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  static final String[] FAMILIES = {
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"
  };
  static final String[] GIVEN = {
    "Văn An", "Thị Bình", "Minh Châu", "Thanh Dũng", "Ngọc Lan", "Gia Bảo"
  };
  static TestDatabase db;
  static FhirStore store;
  static String patient;

  @BeforeAll
  static void seed() throws Exception {
    db = TestDatabase.create();
    store = new FhirStore(db.dataSource(), FhirContexts.r4(), VN);
    Random random = new Random(7);
    List<String> patients = new ArrayList<>();
    store.inTransaction(
        c -> {
          for (int i = 0; i < 600; i++) {
            patients.add(seedVisits(c, random, i));
          }
          return null;
        });
    patient = patients.get(300);
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "ANALYZE TABLE fhir_resource, fhir_resource_version, fhir_token_index,"
              + " fhir_string_index, fhir_date_index, fhir_reference_index");
    }
  }

  private static String seedVisits(Connection c, Random random, int i)
      throws java.sql.SQLException {
    LocalDate born = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(80 * 365));
    String birth = i % 5 == 0 ? Integer.toString(born.getYear()) : born.toString();
    String card = String.format("DN40101%08d", i);
    String id =
        store
            .create(
                c,
                Resources.patient(
                    Resources.CARD_SYSTEM,
                    card,
                    FAMILIES[random.nextInt(FAMILIES.length)],
                    GIVEN[random.nextInt(GIVEN.length)],
                    birth))
            .getIdElement()
            .getIdPart();
    store.create(c, Resources.coverage(id, card));
    store.create(c, Resources.eligibility(id));
    for (int v = 0; v < 2; v++) {
      LocalDate day = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(700));
      String start = day + "T08:00:00+07:00";
      String end = random.nextInt(10) == 0 ? null : day + "T10:00:00+07:00";
      store.create(c, Resources.encounter(id, "V" + i + "-" + v, start, end));
    }
    return id;
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void everyListedSearchUsesIndexes() throws Exception {
    List<Map.Entry<String, SearchParams>> searches = new ArrayList<>();
    String card = "DN4010100000300";
    searches.add(
        Map.entry("Patient", SearchParams.of("identifier", Resources.CARD_SYSTEM + "|" + card)));
    searches.add(Map.entry("Patient", SearchParams.of("identifier", card)));
    searches.add(Map.entry("Patient", SearchParams.of("name", "nguyen van")));
    searches.add(Map.entry("Patient", SearchParams.of("name:exact", "Nguyễn Văn An")));
    for (String date :
        new String[] {"1990-05-03", "1990", "ge2015", "le1941-03", "gt2019-06", "lt1940-06"}) {
      searches.add(Map.entry("Patient", SearchParams.of("birthdate", date)));
    }
    searches.add(Map.entry("Patient", SearchParams.of("name", "tran", "birthdate", "1985")));
    searches.add(Map.entry("Patient", SearchParams.of("_id", patient)));
    searches.add(Map.entry("Patient", SearchParams.of("_lastUpdated", "ge2100-01-01")));
    searches.add(Map.entry("Coverage", SearchParams.of("beneficiary", "Patient/" + patient)));
    searches.add(Map.entry("Coverage", SearchParams.of("subscriber-id", card)));
    searches.add(Map.entry("Encounter", SearchParams.of("patient", patient)));
    searches.add(Map.entry("Encounter", SearchParams.of("date", "2026-03-01")));
    searches.add(Map.entry("Encounter", SearchParams.of("date", "ge2026-11-01")));
    searches.add(Map.entry("Encounter", SearchParams.of("status", "in-progress")));
    searches.add(Map.entry("Encounter", SearchParams.of("identifier", "urn:bhyt:visit|V300-1")));
    searches.add(Map.entry("Encounter", SearchParams.of("patient", patient, "date", "2025")));
    searches.add(Map.entry("CoverageEligibilityResponse", SearchParams.of("patient", patient)));
    List<String> scans = new ArrayList<>();
    for (Map.Entry<String, SearchParams> e : searches) {
      SearchQuery q = SearchQuery.compile(e.getKey(), e.getValue(), VN);
      String label = e.getKey() + "?" + e.getValue().toQuery();
      scans.addAll(fullScans(label + " (count)", q.count()));
      scans.addAll(fullScans(label + " (page)", q.page(Paging.first())));
      scans.addAll(fullScans(label + " (first and last id)", q.firstAndLast()));
    }
    assertThat(scans).isEmpty();
  }

  @Test
  void theSeededSearchesFindWhatTheyShould() throws Exception {
    assertThat(
            store
                .search("Patient", SearchParams.of("identifier", "DN4010100000300"), Paging.first())
                .total())
        .isEqualTo(1);
    assertThat(
            store.search("Encounter", SearchParams.of("patient", patient), Paging.first()).total())
        .isEqualTo(2);
    assertThat(store.search("Patient", SearchParams.of("name", "nguyen"), Paging.first()).total())
        .isGreaterThan(10);
  }

  private static List<String> fullScans(String label, Sql sql) throws Exception {
    List<String> scans = new ArrayList<>();
    StringBuilder plan = new StringBuilder();
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = new Sql("EXPLAIN " + sql.text(), sql.binds()).prepare(c);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String table = rs.getString("table");
        String access = rs.getString("type");
        plan.append(
            String.format(
                "%n  %s %s key=%s rows=%s %s",
                table, access, rs.getString("key"), rs.getString("rows"), rs.getString("Extra")));
        if (table != null
            && !table.startsWith("<")
            && ("ALL".equals(access) || "index".equals(access))) {
          scans.add(label + ": " + table + " " + access);
        }
      }
    }
    if (!scans.isEmpty() || Boolean.getBoolean("plans")) {
      System.err.println(label + plan);
    }
    return scans;
  }
}
