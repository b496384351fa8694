package vn.bhyt.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchParsingTest {
  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

  private static Clause clause(String type, String name, String value) {
    return Clauses.parse(type, name, value, VN);
  }

  private static void assertBad(String type, String name, String value) {
    assertThatThrownBy(() -> clause(type, name, value))
        .as(name + "=" + value)
        .isInstanceOfSatisfying(FhirProblem.class, p -> assertThat(p.status()).isEqualTo(400));
  }

  @Test
  void queriesAreUrlDecodedAndReEncoded() {
    SearchParams p =
        SearchParams.parse("?identifier=https%3A%2F%2Fx%7C1&name=Nguy%E1%BB%85n+V%C4%83n&_count=5");
    assertThat(p.params())
        .containsExactly(
            new SearchParams.Param("identifier", "https://x|1"),
            new SearchParams.Param("name", "Nguyễn Văn"),
            new SearchParams.Param("_count", "5"));
    assertThat(SearchParams.parse(p.toQuery()).params()).isEqualTo(p.params());
    assertThat(p.without("_count").first("_count")).isEmpty();
    assertThat(SearchParams.of(Map.of("a", List.of("1", "2"))).params()).hasSize(2);
    assertThatThrownBy(() -> SearchParams.parse("name=%E")).isInstanceOf(FhirProblem.class);
  }

  @Test
  void pagingHasDefaultsAndLimits() {
    assertThat(Paging.of(SearchParams.of())).isEqualTo(new Paging(0, 20));
    assertThat(Paging.of(SearchParams.of("_count", "500", "_offset", "40")))
        .isEqualTo(new Paging(40, 200));
    assertThat(new Paging(40, 20).next()).isEqualTo(new Paging(60, 20));
    assertThatThrownBy(() -> Paging.of(SearchParams.of("_count", "ten")))
        .isInstanceOf(FhirProblem.class);
    assertThatThrownBy(() -> Paging.of(SearchParams.of("_offset", "-1")))
        .isInstanceOf(FhirProblem.class);
  }

  @Test
  void tokensTakeSystemAndValueOrEither() {
    Clause c = clause("Patient", "identifier", "sys|1,2,|3,other|");
    assertThat(c.table()).isEqualTo("fhir_token_index");
    assertThat(c.on("t"))
        .isEqualTo(
            "t.param = ? AND ((t.value = ? AND t.system = ?) OR t.value = ?"
                + " OR (t.value = ? AND t.system = ?) OR t.system = ?)");
    assertThat(c.binds()).containsExactly("identifier", "1", "sys", "2", "3", "", "other");
    assertThat(clause("Patient", "identifier", "a\\,b|c\\|d").binds())
        .containsExactly("identifier", "c|d", "a,b");
    assertBad("Patient", "identifier", "|");
    assertBad("Patient", "identifier:not", "1");
  }

  @Test
  void namesArePrefixesOfFoldedTextOrExact() {
    Clause prefix = clause("Patient", "name", "Nguyễn Văn,Lê_%");
    assertThat(prefix.on("s")).isEqualTo("s.param = ? AND (s.folded LIKE ? OR s.folded LIKE ?)");
    assertThat(prefix.binds()).containsExactly("name", "nguyen van%", "le\\_\\%%");
    Clause exact = clause("Patient", "name:exact", "Nguyễn Văn An");
    assertThat(exact.binds()).containsExactly("name", "nguyen van an", "Nguyễn Văn An");
    assertBad("Patient", "name:contains", "an");
    assertBad("Patient", "name", " ");
  }

  @Test
  void datesTakePrefixesAndBirthDatesBoundTheLowEnd() {
    Clause eq = clause("Patient", "birthdate", "1990");
    assertThat(eq.on("d"))
        .isEqualTo("d.param = ? AND (((d.low < ? AND d.high > ?) AND d.low > ?))");
    assertThat(eq.binds())
        .containsExactly(
            "birthdate",
            LocalDateTime.parse("1990-12-31T17:00"),
            LocalDateTime.parse("1989-12-31T17:00"),
            LocalDateTime.parse("1988-12-29T17:00"));
    assertThat(clause("Patient", "birthdate", "le1990-05").on("d"))
        .isEqualTo("d.param = ? AND (d.low < ?)");
    Clause period = clause("Encounter", "date", "ge2026-11-23,lt2026-01");
    assertThat(period.on("d")).isEqualTo("d.param = ? AND (d.high > ? OR d.low < ?)");
    assertBad("Patient", "birthdate", "ap1990");
    assertBad("Patient", "birthdate", "1990-02-30");
    assertBad("Patient", "birthdate:missing", "true");
  }

  @Test
  void referencesAreTypeSlashId() {
    Clause c =
        clause("Coverage", "beneficiary", "ABC,Patient/DEF,http://x/fhir/Patient/GHI/_history/2");
    assertThat(c.binds())
        .containsExactly("beneficiary", "Patient/ABC", "Patient/DEF", "Patient/GHI");
    assertThat(clause("Encounter", "patient:Patient", "A").binds())
        .containsExactly("patient", "Patient/A");
    assertBad("Encounter", "patient", "Group/1");
    assertBad("Encounter", "patient", "not an id");
    assertBad("Encounter", "patient:identifier", "x|1");
  }

  @Test
  void unknownParametersAndTypesAre400() {
    assertBad("Patient", "nmae", "x");
    assertBad("Patient", "patient.name", "x");
    assertBad("Observation", "code", "x");
    assertBad("Patient", "_id", "not valid!");
    assertThat(clause("Observation", "_id", "A,B").on("r")).isEqualTo("r.res_id IN (?, ?)");
  }

  @Test
  void theMostSelectiveIndexDrivesTheQuery() {
    SearchQuery q =
        SearchQuery.compile(
            "Patient", SearchParams.of("birthdate", "1990", "identifier", "x|1", "_count", ""), VN);
    String sql = q.page(Paging.first()).text();
    assertThat(sql)
        .startsWith("SELECT v.body FROM (SELECT DISTINCT d.res_id FROM fhir_token_index d")
        .contains("EXISTS (SELECT 1 FROM fhir_date_index x0")
        .endsWith("ORDER BY r.res_id LIMIT ? OFFSET ?");
    String byId =
        SearchQuery.compile("Patient", SearchParams.of("_id", "A", "name", "an"), VN)
            .count()
            .text();
    assertThat(byId).startsWith("SELECT COUNT(*) FROM fhir_resource m WHERE m.res_type = ?");
    assertThat(SearchQuery.compile("Patient", SearchParams.of(), VN).firstAndLast().text())
        .isEqualTo("SELECT MIN(m.res_id), MAX(m.res_id) FROM fhir_resource m WHERE m.res_type = ?");
    assertThat(
            SearchQuery.compile("Patient", SearchParams.of("identifier", "x|1"), VN)
                .firstAndLast()
                .text())
        .as("index rows are resources: no join to look them up")
        .isEqualTo(
            "SELECT MIN(m.res_id), MAX(m.res_id) FROM fhir_token_index m WHERE m.res_type = ?"
                + " AND m.param = ? AND ((m.value = ? AND m.system = ?))");
  }
}
