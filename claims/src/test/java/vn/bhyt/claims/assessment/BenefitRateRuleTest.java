package vn.bhyt.claims.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bhyt.claims.assessment.Checks.CLAIMS;
import static vn.bhyt.claims.assessment.Checks.REFERENCE;
import static vn.bhyt.claims.assessment.Checks.codes;
import static vn.bhyt.claims.assessment.Checks.run;
import static vn.bhyt.claims.assessment.Dossiers.aVisit;
import static vn.bhyt.claims.assessment.Dossiers.nothingKnown;
import static vn.bhyt.claims.assessment.Dossiers.service;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.FacilityLevel;
import vn.bhyt.verifier.rules.Facility;

class BenefitRateRuleTest {
  final Rule rule = new BenefitRateRule(REFERENCE, CLAIMS);

  /** A visit whose insured total (1,000,000) is above 15% of the 2026 base salary (351,000). */
  static Dossiers aLargeVisit(String benefit) {
    return aVisit().withLine(service("04C1.1.1", 2, "1", "1000000").benefit(benefit));
  }

  static AssessmentContext at(String code, FacilityLevel level) {
    return AssessmentContext.of(new Facility(new FacilityCode(code), level), Dossiers.RECEIVED);
  }

  @Test
  void levelFourAtTheRegisteredFacilityIsEighty() {
    assertThat(run(rule, aLargeVisit("80").build())).isEmpty();
    List<Finding> f = run(rule, aLargeVisit("100").build());
    assertThat(f)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo("BENEFIT_RATE_MISMATCH");
              assertThat(x.severity()).isEqualTo(Severity.WARNING);
              assertThat(x.field()).isEqualTo("MUC_HUONG");
              assertThat(x.expected()).isEqualTo("80");
              assertThat(x.actual()).isEqualTo("100");
              assertThat(x.message()).doesNotContain(Dossiers.CARD);
            });
  }

  @Test
  void levelThreeIsNinetyFive() {
    ClaimDossier d = aLargeVisit("95").with("MA_THE_BHYT", "HT3797912345678").build();
    assertThat(run(rule, d)).isEmpty();
  }

  @Test
  void aSmallVisitIsPaidInFull() {
    Dossiers small = aVisit().withLine(service("02.03.1895", 13, "1", "39000").benefit("100"));
    assertThat(run(rule, small.build())).isEmpty();
    Dossiers at80 = aVisit().withLine(service("02.03.1895", 13, "1", "39000").benefit("80"));
    assertThat(run(rule, at80.build()))
        .singleElement()
        .satisfies(x -> assertThat(x.expected()).isEqualTo("100"));
  }

  @Test
  void theSmallVisitThresholdIsStrict() {
    Dossiers justAt = aVisit().withLine(service("A", 2, "1", "351000").benefit("80"));
    assertThat(run(rule, justAt.build())).isEmpty();
  }

  @Test
  void selfReferredInpatientAtACentralHospital() {
    Dossiers d =
        aLargeVisit("32")
            .with("MA_DOITUONG_KCB", "3.1")
            .with("MA_DKBD", "79001")
            .with("MA_LOAI_KCB", "03");
    AssessmentContext central = at("01001", FacilityLevel.CENTRAL);
    assertThat(run(rule, d.submittedBy("01001").build(), central)).isEmpty();
    Dossiers small =
        aVisit()
            .withLine(service("A", 13, "1", "39000").benefit("32"))
            .with("MA_DOITUONG_KCB", "3.1")
            .with("MA_DKBD", "79001")
            .with("MA_LOAI_KCB", "03");
    assertThat(run(rule, small.build(), central)).isEmpty();
  }

  @Test
  void emergencyGetsTheCardLevelAnywhere() {
    Dossiers d = aLargeVisit("80").with("MA_DOITUONG_KCB", "2").with("MA_DKBD", "79001");
    assertThat(run(rule, d.build(), at("01001", FacilityLevel.CENTRAL))).isEmpty();
  }

  @Test
  void beforeJuly2025TheOlderRouteCodeDecides() {
    Dossiers d =
        aVisit()
            .with("NGAY_VAO", "202403050800")
            .with("NGAY_RA", "202403070800")
            .with("GT_THE_TU", "20240101")
            .with("GT_THE_DEN", "20241231")
            .with("MA_LOAI_KCB", "03")
            .with("MA_DKBD", "79001")
            .without("MA_DOITUONG_KCB")
            .with("MA_LYDO_VVIEN", "3")
            .withLine(service("A", 2, "1", "1000000").benefit("32").orderedAt("202403051000"));
    assertThat(run(rule, d.build(), at("01001", FacilityLevel.CENTRAL))).isEmpty();
  }

  @Test
  void theCoPaymentExemptionPaysInFullFromItsDate() {
    Dossiers exempt =
        aVisit()
            .with("NGAY_MIEN_CCT", "20260305")
            .withLine(service("A", 2, "1", "1000000").benefit("100"));
    assertThat(run(rule, exempt.build())).isEmpty();
    Dossiers later =
        aVisit()
            .with("NGAY_MIEN_CCT", "20260401")
            .withLine(service("A", 2, "1", "1000000").benefit("100"));
    assertThat(codes(run(rule, later.build()))).containsExactly("BENEFIT_RATE_MISMATCH");
  }

  @Test
  void fiveYearsAloneAllowsEitherShare() {
    for (String benefit : List.of("80", "100")) {
      Dossiers d = aLargeVisit(benefit).with("NAM_NAM_LIEN_TUC", "20200101");
      assertThat(run(rule, d.build())).as(benefit).isEmpty();
    }
    Dossiers wrong = aLargeVisit("95").with("NAM_NAM_LIEN_TUC", "20200101");
    assertThat(run(rule, wrong.build()))
        .singleElement()
        .satisfies(x -> assertThat(x.expected()).isEqualTo("80 or 100"));
  }

  @Test
  void aNewCardsLevelComesFromTheRegistry() {
    Dossiers d = aLargeVisit("95").with("MA_THE_BHYT", "7912345678");
    assertThat(run(rule, d.build()))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo("BENEFIT_RATE_NOT_CHECKED");
              assertThat(x.severity()).isEqualTo(Severity.INFO);
            });
    InMemoryCardHistory registry =
        new InMemoryCardHistory().valid("7912345678", LocalDate.of(2021, 4, 1), null, 3);
    assertThat(run(rule, d.build(), nothingKnown().withCards(registry))).isEmpty();
  }

  @Test
  void anUnknownRouteIsNotChecked() {
    Dossiers d = aLargeVisit("80").with("MA_DOITUONG_KCB", "X");
    assertThat(codes(run(rule, d.build()))).containsExactly("BENEFIT_RATE_NOT_CHECKED");
  }

  @Test
  void uninsuredVisitsHaveNoRate() {
    assertThat(run(rule, aLargeVisit("0").with("MA_DOITUONG_KCB", "9").build())).isEmpty();
  }

  @Test
  void linesOutsideTheListAreLeftAlone() {
    Dossiers d = aLargeVisit("80").withLine(Dossiers.drug("X", "1", "100").group(5).benefit("0"));
    assertThat(run(rule, d.build())).isEmpty();
  }
}
