package vn.bhyt.verifier.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bhyt.verifier.rules.Cards.anEntry;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.FacilityLevel;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.domain.Sex;
import vn.bhyt.domain.VisitKind;
import vn.bhyt.reference.ReferenceData;
import vn.bhyt.reference.ResultCode;

/** Verdicts on the fund's answers: every result code it documents, its data, its history. */
class FundVerdictTest {
  static final ReferenceData REF = ReferenceData.builtIn();
  static final LocalDate DAY = LocalDate.of(2026, 11, 23);
  static final String NUMBER = "DN4797912345678";
  final CardRules rules =
      new CardRules(REF, new Facility(new FacilityCode("79034"), FacilityLevel.PROVINCIAL));

  static Evidence presented() {
    return new Evidence.Typed(
        CardNumber.of(NUMBER), "Nguyễn Văn An", PartialDate.parse("1990-01-31"));
  }

  static FundCard card(String newNumber, List<FundVisit> history) {
    return new FundCard(
        NUMBER,
        "Nguyễn Văn An",
        PartialDate.parse("1990-01-31"),
        Sex.MALE,
        "Quận 1",
        "79-034",
        "79",
        LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 12, 31),
        null,
        null,
        "7912345678",
        null,
        newNumber,
        null,
        null,
        null);
  }

  static FundAnswer answer(String code) {
    return new FundAnswer(
        code,
        "ghi chú",
        card(code.equals("003") || code.equals("004") ? "7912345678" : null, List.of()),
        List.of());
  }

  Verdict judge(FundAnswer a, RegistryEntry entry) {
    return rules.judge(
        presented(), entry, FundReply.answered(a), new Visit(DAY, VisitKind.OUTPATIENT, false));
  }

  @Test
  void everyResultCodeTheFundDocumentsHasTheOutcomeTheFundGivesIt() {
    assertThat(REF.resultCodes()).hasSizeGreaterThan(25);
    for (ResultCode code : REF.resultCodes()) {
      Verdict withoutRow = judge(answer(code.code()), null);
      Verdict withRow = judge(answer(code.code()), anEntry().build());
      String as = code.code() + " " + code.meaning();
      switch (code.outcome()) {
        case "valid", "warning", "invalid" -> {
          assertThat(withoutRow.outcome().code()).as(as).isEqualTo(code.outcome());
          assertThat(withoutRow.result()).as(as).isEqualTo(code.code());
          assertThat(withoutRow.source()).as(as).isEqualTo(Source.FUND);
          assertThat(withRow.outcome().code()).as(as).isEqualTo(code.outcome());
        }
        case "error" -> {
          // the fund did not check the card: the registry's answer, or the card's, stands
          assertThat(withoutRow.outcome()).as(as).isEqualTo(Outcome.UNCONFIRMED);
          assertThat(withoutRow.source()).as(as).isEqualTo(Source.CARD);
          assertThat(withRow.source()).as(as).isEqualTo(Source.REGISTRY);
          assertThat(withRow.outcome()).as(as).isIn(Outcome.VALID, Outcome.WARNING);
          assertThat(withRow.findings())
              .as(as)
              .extracting(Finding::code)
              .containsAnyOf("FUND_ERROR", "CLERK_NOT_REGISTERED", "CLERK_NAME_MISMATCH");
        }
        default -> throw new AssertionError("outcome of " + as + ": " + code.outcome());
      }
    }
  }

  @Test
  void theClerksCodesAreTheAnswerTheClerkSeesBesideTheRegistrysVerdict() {
    Verdict v = judge(new FundAnswer("054", null, null, List.of()), anEntry().build());
    assertThat(v.result()).isEqualTo("054");
    assertThat(v.outcome()).isEqualTo(Outcome.WARNING);
    assertThat(v.coverage()).isNotNull();
  }

  @Test
  void theFundsDataWinsOverTheRegistrysAndItsStatusOverTheRows() {
    RegistryEntry revokedInRegistry =
        anEntry().withStatus(CardStatus.REVOKED).expiringOn(LocalDate.of(2026, 6, 30)).build();
    Verdict v = judge(answer("000"), revokedInRegistry);
    assertThat(v.outcome()).isEqualTo(Outcome.VALID);
    assertThat(v.card().validTo()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(v.card().address()).isEqualTo("Quận 1");
    assertThat(v.card().registeredFacility()).isEqualTo(new FacilityCode("79034"));
  }

  @Test
  void aReducedCardIsStatedOnceWithTheFundsReason() {
    Verdict v = judge(answer("122"), anEntry().build());
    assertThat(v.result()).isEqualTo("122");
    assertThat(v.findings())
        .extracting(Finding::code)
        .containsOnlyOnce("CARD_REDUCED_MOVED_WITHIN")
        .doesNotContain("CARD_REDUCED");
  }

  @Test
  void aVisitAtAnotherFacilityOnTheSameDayIsAWarning() {
    FundVisit elsewhere =
        new FundVisit("HS1", "79024", "23/11/2026", "23/11/2026", "J20", "1", "1");
    FundVisit here = new FundVisit("HS2", "79034", "202611230800", "202611231100", "J20", "1", "1");
    FundVisit earlier = new FundVisit("HS3", "79024", "01/10/2026", "03/10/2026", "J20", "1", "1");
    Verdict twice =
        judge(
            new FundAnswer("000", null, card(null, List.of()), List.of(earlier, elsewhere)), null);
    assertThat(twice.outcome()).isEqualTo(Outcome.WARNING);
    assertThat(twice.findings())
        .filteredOn(f -> f.code().equals("VISITED_ELSEWHERE_TODAY"))
        .singleElement()
        .satisfies(f -> assertThat(f.args()).containsExactly("79024"));
    Verdict once =
        judge(new FundAnswer("000", null, card(null, List.of()), List.of(here, earlier)), null);
    assertThat(once.outcome()).isEqualTo(Outcome.VALID);
  }

  @Test
  void withoutAnAnswerAnOldRegistryRowAnswersAndSaysHowOldItIs() {
    Verdict v =
        rules.judge(
            presented(),
            anEntry().build(),
            FundReply.noAnswer(LocalDate.of(2026, 11, 1)),
            new Visit(DAY, VisitKind.OUTPATIENT, false));
    assertThat(v.outcome()).isEqualTo(Outcome.VALID);
    assertThat(v.source()).isEqualTo(Source.REGISTRY);
    assertThat(v.findings())
        .filteredOn(f -> f.code().equals("FUND_UNAVAILABLE_REGISTRY_USED"))
        .singleElement()
        .satisfies(f -> assertThat(f.args()).containsExactly("2026-11-01"));
  }
}
