package vn.bhyt.claims.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bhyt.claims.assessment.Checks.CLAIMS;
import static vn.bhyt.claims.assessment.Checks.REFERENCE;
import static vn.bhyt.claims.assessment.Checks.run;
import static vn.bhyt.claims.assessment.Dossiers.aVisit;
import static vn.bhyt.claims.assessment.Dossiers.drug;
import static vn.bhyt.claims.assessment.Dossiers.nothingKnown;
import static vn.bhyt.claims.assessment.Dossiers.service;
import static vn.bhyt.claims.assessment.Dossiers.supply;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.bhyt.claims.claim.ClaimDossier;

class PriceRulesTest {
  final Rule catalogue = new CataloguePriceRule();
  final Rule outOfList = new OutOfListRule(REFERENCE, CLAIMS);
  final AssessmentContext prices =
      nothingKnown()
          .withPrices(
              new InMemoryPrices()
                  .price("02.03.1895", "39000")
                  .price("40.17", "1250.5")
                  .price("N03", "15000"));

  @Test
  void pricesAtOrUnderTheCatalogue() {
    ClaimDossier d =
        aVisit()
            .withLine(service("02.03.1895", 13, "1", "39000").hospitalPrice("45000"))
            .withLine(drug("40.17", "10", "1200"))
            .withLine(supply("N03", "1", "15000"))
            .withLine(service("NOT.LISTED", 1, "1", "999999"))
            .build();
    assertThat(run(catalogue, d, prices)).isEmpty();
  }

  @Test
  void aPriceAboveTheCatalogue() {
    ClaimDossier d =
        aVisit()
            .withLine(service("02.03.1895", 13, "1", "39001"))
            .withLine(drug("40.17", "10", "1300"))
            .build();
    assertThat(run(catalogue, d, prices))
        .extracting(Finding::table, Finding::field, Finding::expected, Finding::actual)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("XML2", "DON_GIA", "at most 1250.5", "1300"),
            org.assertj.core.groups.Tuple.tuple("XML3", "DON_GIA_BH", "at most 39000", "39001"));
  }

  @Test
  void aCatalogueThatKnowsNothing() {
    ClaimDossier d = aVisit().withLine(service("02.03.1895", 13, "1", "99999")).build();
    assertThat(run(catalogue, d)).isEmpty();
  }

  @Test
  void itemsOutsideTheListAreNotChargedToTheFund() {
    ClaimDossier d =
        aVisit()
            .withLine(drug("X", "1", "1000").group(5).benefit("80"))
            .withLine(supply("Y", "1", "1000").group(11).benefit("0"))
            .withLine(drug("Z", "1", "1000").benefit("80"))
            .build();
    assertThat(run(outOfList, d))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo("OUT_OF_LIST_CHARGED_TO_FUND");
              assertThat(x.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(x.table()).isEqualTo("XML2");
              assertThat(x.field()).isEqualTo("T_BHTT");
              assertThat(x.actual()).isEqualTo("800");
            });
  }

  @Test
  void levelFiveCardsArePaidOutsideTheList() {
    ClaimDossier d =
        aVisit()
            .with("MA_THE_BHYT", "QN5797912345678")
            .withLine(drug("X", "1", "1000").group(5).benefit("100"))
            .build();
    assertThat(run(outOfList, d)).isEmpty();
  }

  @Test
  void anUnknownLevelMakesItAWarning() {
    ClaimDossier d =
        aVisit()
            .with("MA_THE_BHYT", "7912345678")
            .withLine(drug("X", "1", "1000").group(5).benefit("100"))
            .build();
    assertThat(run(outOfList, d))
        .singleElement()
        .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.WARNING));
    InMemoryCardHistory soldier =
        new InMemoryCardHistory().valid("7912345678", LocalDate.of(2021, 4, 1), null, 5);
    assertThat(run(outOfList, d, nothingKnown().withCards(soldier))).isEmpty();
  }
}
