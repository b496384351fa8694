package vn.bhyt.claims.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bhyt.claims.assessment.Checks.CLAIMS;
import static vn.bhyt.claims.assessment.Checks.codes;
import static vn.bhyt.claims.assessment.Checks.run;
import static vn.bhyt.claims.assessment.Dossiers.aVisit;
import static vn.bhyt.claims.assessment.Dossiers.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.bhyt.claims.claim.ClaimDossier;

class DateRulesTest {
  final Rule order = new VisitDatesRule();
  final Rule days = new TreatmentDaysRule(CLAIMS);

  @Test
  void datesInOrder() {
    ClaimDossier d =
        aVisit()
            .withLine(
                service("A", 1, "1", "10")
                    .orderedAt("202603050800")
                    .with("NGAY_KQ", "202603050800"))
            .withLine(service("B", 1, "1", "10").orderedAt("202603051100"))
            .build();
    assertThat(run(order, d)).isEmpty();
  }

  @Test
  void dischargeBeforeAdmission() {
    ClaimDossier d = aVisit().with("NGAY_RA", "202603050759").build();
    assertThat(run(order, d))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo("DISCHARGE_BEFORE_ADMISSION");
              assertThat(x.field()).isEqualTo("NGAY_RA");
              assertThat(x.actual()).isEqualTo("202603050759");
            });
  }

  @Test
  void ordersOutsideTheVisitAndResultsBeforeOrders() {
    ClaimDossier d =
        aVisit()
            .withLine(service("A", 1, "1", "10").orderedAt("202603040800"))
            .withLine(service("B", 1, "1", "10").orderedAt("202603051101"))
            .withLine(
                service("C", 1, "1", "10")
                    .orderedAt("202603050900")
                    .with("NGAY_KQ", "202603050859"))
            .build();
    assertThat(run(order, d))
        .extracting(Finding::code, Finding::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ORDER_BEFORE_ADMISSION", 1),
            org.assertj.core.groups.Tuple.tuple("ORDER_AFTER_DISCHARGE", 2),
            org.assertj.core.groups.Tuple.tuple("RESULT_BEFORE_ORDER", 3));
  }

  @ParameterizedTest(name = "{0} from {1} to {2}: {3} days is {4}")
  @CsvSource({
    "01, 202603050800, 202603051100, 1, ok",
    "01, 202603050800, 202603051100, 0, ok",
    "01, 202603050800, 202603051100, 2, wrong",
    "02, 202603010800, 202603101100, 6, ok",
    "02, 202603010800, 202603101100, 11, wrong",
    "03, 202603010800, 202603051000, 4, ok",
    "03, 202603010800, 202603051000, 5, ok",
    "03, 202603010800, 202603051000, 3, wrong",
    "03, 202603010800, 202603051000, 6, wrong",
    "03, 202603052300, 202603060100, 1, ok",
    "09, 202603050800, 202603051000, 0, ok",
    "09, 202603050800, 202603051000, 1, ok",
  })
  void treatmentDays(String type, String in, String out, String claimed, String verdict) {
    ClaimDossier d =
        aVisit()
            .with("MA_LOAI_KCB", type)
            .with("NGAY_VAO", in)
            .with("NGAY_RA", out)
            .with("SO_NGAY_DTRI", claimed)
            .build();
    if (verdict.equals("ok")) {
      assertThat(run(days, d)).isEmpty();
    } else {
      assertThat(codes(run(days, d))).containsExactly("TREATMENT_DAYS_MISMATCH");
    }
  }

  @Test
  void aStayCountsFromTheInpatientAdmission() {
    Dossiers d =
        aVisit()
            .with("MA_LOAI_KCB", "03")
            .with("NGAY_VAO", "202603010800")
            .with("NGAY_VAO_NOI_TRU", "202603030800")
            .with("NGAY_RA", "202603051000");
    assertThat(run(days, d.with("SO_NGAY_DTRI", "2").build())).isEmpty();
    assertThat(run(days, d.with("SO_NGAY_DTRI", "4").build()))
        .singleElement()
        .satisfies(x -> assertThat(x.expected()).isEqualTo("2 to 3"));
  }

  @Test
  void unreadableDatesAreLeftToTheFormatRule() {
    ClaimDossier d = aVisit().with("NGAY_RA", "x").with("SO_NGAY_DTRI", "9").build();
    assertThat(run(days, d)).isEmpty();
    assertThat(run(order, d)).isEmpty();
  }
}
