package vn.bhyt.claims.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bhyt.claims.assessment.Checks.codes;
import static vn.bhyt.claims.assessment.Checks.run;
import static vn.bhyt.claims.assessment.Dossiers.CARD;
import static vn.bhyt.claims.assessment.Dossiers.FACILITY;
import static vn.bhyt.claims.assessment.Dossiers.aVisit;
import static vn.bhyt.claims.assessment.Dossiers.nothingKnown;
import static vn.bhyt.claims.assessment.Dossiers.service;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bhyt.claims.claim.ClaimDossier;

class CardChecksTest {
  static final String NEXT_CARD = "DN4797912345679";
  final Rule validity = new CardValidityRule();
  final Rule checkIn = new CheckInRule();

  static AssessmentContext registryKnowing(InMemoryCardHistory history) {
    return nothingKnown().withCards(history);
  }

  static InMemoryCardHistory cardValidIn2026() {
    return new InMemoryCardHistory()
        .valid(CARD, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 4);
  }

  /** A stay from 20 December 2026 to 5 January 2027, a service on 24 December and 3 January. */
  static Dossiers aStayOverNewYear() {
    return aVisit()
        .with("MA_LOAI_KCB", "03")
        .with("NGAY_VAO", "202612200800")
        .with("NGAY_RA", "202701050900")
        .withLine(service("A", 15, "1", "300000").orderedAt("202612240800"))
        .withLine(service("B", 15, "1", "300000").orderedAt("202701030800"));
  }

  @Test
  void aCardValidOnEveryDate() {
    ClaimDossier d = aVisit().withLine(service("A", 13, "1", "39000")).build();
    assertThat(run(validity, d, registryKnowing(cardValidIn2026()))).isEmpty();
  }

  @Test
  void withoutTheRegistryTheClaimsOwnDatesAreChecked() {
    ClaimDossier d = aVisit().withLine(service("A", 13, "1", "39000")).build();
    List<Finding> f = run(validity, d);
    assertThat(f)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo("CARD_NOT_CHECKED");
              assertThat(x.severity()).isEqualTo(Severity.INFO);
              assertThat(x.message()).doesNotContain(CARD);
            });
  }

  @Test
  void admissionBeforeTheCardsValidity() {
    ClaimDossier d = aVisit().with("GT_THE_TU", "20260401").build();
    List<Finding> f = run(validity, d, registryKnowing(cardValidIn2026()));
    assertThat(f)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo("CARD_NOT_VALID_ON_ADMISSION");
              assertThat(x.field()).isEqualTo("NGAY_VAO");
              assertThat(x.actual()).isEqualTo("2026-03-05");
              assertThat(x.message()).doesNotContain(CARD);
            });
  }

  @Test
  void aStayStraddlingTwoCardsListsBoth() {
    ClaimDossier both =
        aStayOverNewYear()
            .with("MA_THE_BHYT", CARD + ";" + NEXT_CARD)
            .with("GT_THE_TU", "20260101;20270101")
            .with("GT_THE_DEN", "20261231;20271231")
            .build();
    InMemoryCardHistory registry =
        cardValidIn2026().valid(NEXT_CARD, LocalDate.of(2027, 1, 1), null, 4);
    assertThat(run(validity, both, registryKnowing(registry))).isEmpty();
    ClaimDossier one = aStayOverNewYear().build();
    assertThat(run(validity, one, registryKnowing(registry)))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo("CARD_NOT_VALID_ON_SERVICE_DATE");
              assertThat(x.table()).isEqualTo("XML3");
              assertThat(x.line()).isEqualTo(2);
            });
  }

  @Test
  void theRegistryOverridesTheClaimsDates() {
    InMemoryCardHistory ended =
        new InMemoryCardHistory()
            .valid(CARD, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 3, 1), 4);
    ClaimDossier d = aVisit().withLine(service("A", 13, "1", "39000")).build();
    assertThat(codes(run(validity, d, registryKnowing(ended))))
        .containsExactly("CARD_NOT_VALID_ON_ADMISSION", "CARD_NOT_VALID_ON_SERVICE_DATE");
  }

  @Test
  void listsOfDifferentLengths() {
    ClaimDossier d =
        aStayOverNewYear()
            .with("MA_THE_BHYT", CARD + ";" + NEXT_CARD)
            .with("GT_THE_TU", "20260101")
            .with("GT_THE_DEN", "20261231;20271231")
            .build();
    List<Finding> f = run(validity, d);
    assertThat(codes(f)).containsExactly("CARD_LIST_MISMATCH", "CARD_NOT_CHECKED");
    assertThat(f.get(0).field()).isEqualTo("GT_THE_TU");
  }

  @Test
  void checkInsThatKnowNothingMakeNoFinding() {
    assertThat(run(checkIn, aVisit().build())).isEmpty();
  }

  @Test
  void aVisitCheckedInByKeyOrByCard() {
    ClaimDossier d = aVisit().build();
    InMemoryCheckIns byKey = new InMemoryCheckIns().visit(FACILITY, "LK0001");
    assertThat(run(checkIn, d, nothingKnown().withCheckIns(byKey))).isEmpty();
    InMemoryCheckIns byCard = new InMemoryCheckIns().card(FACILITY, CARD, LocalDate.of(2026, 3, 5));
    assertThat(run(checkIn, d, nothingKnown().withCheckIns(byCard))).isEmpty();
  }

  @Test
  void aVisitReceptionNeverSaw() {
    InMemoryCheckIns other = new InMemoryCheckIns().visit(FACILITY, "LK9999");
    assertThat(run(checkIn, aVisit().build(), nothingKnown().withCheckIns(other)))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo("VISIT_NOT_CHECKED_IN");
              assertThat(x.severity()).isEqualTo(Severity.WARNING);
              assertThat(x.message()).doesNotContain(CARD);
            });
  }

  @Test
  void aVisitRecordedWithoutAProvenCardCheckIsUnprovenNotAbsent() {
    InMemoryCheckIns unproven = new InMemoryCheckIns().unproven(FACILITY, "LK0001");
    assertThat(run(checkIn, aVisit().build(), nothingKnown().withCheckIns(unproven)))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo("CHECK_IN_UNPROVEN");
              assertThat(x.severity()).isEqualTo(Severity.WARNING);
              assertThat(x.message()).doesNotContain(CARD);
            });
    InMemoryCheckIns provenByCard =
        new InMemoryCheckIns()
            .unproven(FACILITY, "LK0001")
            .card(FACILITY, CARD, LocalDate.of(2026, 3, 5));
    assertThat(run(checkIn, aVisit().build(), nothingKnown().withCheckIns(provenByCard)))
        .as("a proven check-in of the card on the day is enough")
        .isEmpty();
  }
}
