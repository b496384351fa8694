package vn.bhyt.claims.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bhyt.claims.assessment.Checks.codes;
import static vn.bhyt.claims.assessment.Checks.run;
import static vn.bhyt.claims.assessment.Dossiers.aVisit;
import static vn.bhyt.claims.assessment.Dossiers.nothingKnown;
import static vn.bhyt.claims.assessment.Dossiers.service;

import java.util.Collections;
import org.junit.jupiter.api.Test;
import vn.bhyt.claims.claim.ClaimDossier;

class DiagnosisRuleTest {
  final Rule rule = new DiagnosisRule();

  @Test
  void wellFormedCodes() {
    ClaimDossier d =
        aVisit()
            .with("MA_BENH_KT", "I10;E11.9;K29.70")
            .withLine(service("A", 1, "1", "10").with("MA_BENH", "J18.9;I10"))
            .build();
    assertThat(run(rule, d)).isEmpty();
  }

  @Test
  void malformedCodesAreReportedByPositionNotByCode() {
    ClaimDossier d =
        aVisit()
            .with("MA_BENH_CHINH", "J18,9")
            .withLine(service("A", 1, "1", "10").with("MA_BENH", "J18.9;i10"))
            .build();
    assertThat(run(rule, d))
        .extracting(Finding::code, Finding::table, Finding::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "DIAGNOSIS_MALFORMED", "XML1", "MA_BENH_CHINH is not an ICD-10 code."),
            org.assertj.core.groups.Tuple.tuple(
                "DIAGNOSIS_MALFORMED", "XML3", "Item 2 of MA_BENH is not an ICD-10 code."));
    assertThat(run(rule, d)).allSatisfy(x -> assertThat(x.actual()).isNull());
  }

  @Test
  void atMostTwelveSecondaryDiagnoses() {
    String thirteen = String.join(";", Collections.nCopies(13, "I10"));
    assertThat(codes(run(rule, aVisit().with("MA_BENH_KT", thirteen).build())))
        .containsExactly("DIAGNOSIS_TOO_MANY");
    String twelve = String.join(";", Collections.nCopies(12, "I10"));
    assertThat(run(rule, aVisit().with("MA_BENH_KT", twelve).build())).isEmpty();
  }

  @Test
  void codesOutsideALoadedList() {
    ClaimDossier d = aVisit().with("MA_BENH_KT", "I10;Z99.9").build();
    AssessmentContext listed = nothingKnown().withDiagnoses(new InMemoryIcdList("J18.9", "I10"));
    assertThat(run(rule, d, listed))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo("DIAGNOSIS_NOT_LISTED");
              assertThat(x.severity()).isEqualTo(Severity.WARNING);
              assertThat(x.message()).startsWith("Item 2 of MA_BENH_KT").doesNotContain("Z99");
            });
    assertThat(run(rule, d)).isEmpty();
  }
}
