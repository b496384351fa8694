package vn.bhyt.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CriteriaTest {
  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

  private static Criteria parse(String type, String criteria) {
    return Criteria.parse(type, criteria, VN);
  }

  @Test
  void spellingsOfOneSearchShareTheirHash() {
    Criteria plain = parse("Patient", "identifier=https://example|123");
    for (String same :
        new String[] {
          "identifier=https%3A%2F%2Fexample%7C123",
          "Patient?identifier=https://example|123",
          "?identifier=https://example|123",
          "http://gw.local/fhir/Patient?identifier=https%3A%2F%2Fexample%7C123",
          "  identifier=https://example|123  ",
          "Patient?identifier=https://example|123&_format=xml",
        }) {
      assertThat(parse("Patient", same).hash()).as(same).isEqualTo(plain.hash());
    }
    assertThat(plain.canonical()).isEqualTo("identifier=https%3A%2F%2Fexample%7C123");
  }

  @Test
  void orderListsCaseAccentsAndReferenceFormsDoNotMatter() {
    assertThat(parse("Patient", "name=Nguyễn&birthdate=1990").hash())
        .isEqualTo(parse("Patient", "birthdate=1990&name=nguyen").hash());
    assertThat(parse("Patient", "identifier=a,b").hash())
        .isEqualTo(parse("Patient", "identifier=b,a").hash());
    assertThat(parse("Coverage", "beneficiary=ABC").hash())
        .isEqualTo(parse("Coverage", "beneficiary=Patient/ABC").hash());
    assertThat(parse("Patient", "identifier=sys|1&name=").hash())
        .isEqualTo(parse("Patient", "identifier=sys|1").hash());
  }

  @Test
  void differentSearchesDiffer() {
    assertThat(parse("Patient", "identifier=sys|1").hash())
        .isNotEqualTo(parse("Patient", "identifier=sys|2").hash())
        .isNotEqualTo(parse("Patient", "identifier=1").hash());
    assertThat(parse("Patient", "identifier=a,b").hash())
        .isNotEqualTo(parse("Patient", "identifier=a&identifier=b").hash());
    assertThat(parse("Patient", "name=an").hash())
        .isNotEqualTo(parse("Patient", "name:exact=an").hash());
  }

  @Test
  void badCriteriaAre400() {
    for (String bad :
        new String[] {
          "", "name=", "Encounter?identifier=1", "foo=1", "_count=1", "identifier=|", "birthdate=x"
        }) {
      assertThatThrownBy(() -> parse("Patient", bad))
          .as(bad)
          .isInstanceOfSatisfying(FhirProblem.class, p -> assertThat(p.status()).isEqualTo(400));
    }
  }

  @Test
  void diagnosticsNeverEchoValues() {
    assertThatThrownBy(() -> parse("Patient", "birthdate=DN4010123456789"))
        .isInstanceOfSatisfying(
            FhirProblem.class, p -> assertThat(p.diagnostics()).doesNotContain("DN4010123456789"));
    assertThatThrownBy(() -> parse("Patient", "DN4010123456789=1"))
        .isInstanceOfSatisfying(
            FhirProblem.class, p -> assertThat(p.diagnostics()).doesNotContain("4010123456789"));
    assertThatThrownBy(() -> parse("Patient", "nmae=1"))
        .isInstanceOfSatisfying(
            FhirProblem.class, p -> assertThat(p.diagnostics()).contains("'nmae'"));
    assertThatThrownBy(() -> parse("Patient", "Nguy%E1%BB%85n=1"))
        .isInstanceOfSatisfying(
            FhirProblem.class, p -> assertThat(p.diagnostics()).doesNotContain("Nguy"));
  }
}
