package vn.bhyt.verifier.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bhyt.verifier.rules.Cards.anEntry;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.FacilityLevel;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.domain.VisitKind;
import vn.bhyt.reference.ReferenceData;

class CardRulesTest {
  static final ReferenceData REF = ReferenceData.builtIn();
  static final LocalDate DAY = LocalDate.of(2026, 11, 23);
  final CardRules rules =
      new CardRules(REF, new Facility(new FacilityCode("79034"), FacilityLevel.PROVINCIAL));

  Verdict judge(RegistryEntry e, String name, String birth) {
    return rules.judge(
        typed(e.cardNumber().value(), name, birth), e, FundReply.NOT_CONFIGURED, outpatient());
  }

  static Evidence typed(String number, String name, String birth) {
    return new Evidence.Typed(
        CardNumber.of(number), name, birth == null ? null : PartialDate.parse(birth));
  }

  static Visit outpatient() {
    return new Visit(DAY, VisitKind.OUTPATIENT, false);
  }

  @Test
  void aGoodCardIsValidWithTheLevelsShare() {
    Verdict v = judge(anEntry().build(), "NGUYEN  van an ", "1990-01-31");
    assertThat(v.result()).isEqualTo("000");
    assertThat(v.outcome()).isEqualTo(Outcome.VALID);
    assertThat(v.source()).isEqualTo(Source.REGISTRY);
    assertThat(v.coverage().percent()).isEqualByComparingTo("80");
    assertThat(v.coverage().percent().toString()).isEqualTo("80");
    assertThat(v.coverage().route()).isEqualTo(Route.RIGHT);
    assertThat(v.findings()).isEmpty();
  }

  @Test
  void nameAndBirthDateMismatches() {
    assertThat(judge(anEntry().build(), "Nguyễn Văn Bình", "1990-01-31").result()).isEqualTo("060");
    Verdict birth = judge(anEntry().build(), "Nguyễn Văn An", "1991-01-31");
    assertThat(birth.result()).isEqualTo("070");
    assertThat(birth.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(birth.coverage()).isNull();
    assertThat(judge(anEntry().bornOn("1990").build(), "Nguyễn Văn An", "1990-05-05").result())
        .isEqualTo("000");
  }

  @Test
  void statusRevokedReducedAndExpired() {
    assertThat(judge(anEntry().withStatus(CardStatus.REVOKED).build(), null, null).result())
        .isEqualTo("110");
    assertThat(judge(anEntry().withStatus(CardStatus.REDUCED).build(), null, null).result())
        .isEqualTo("120");
    assertThat(judge(anEntry().withStatus(CardStatus.EXPIRED).build(), null, null).result())
        .isEqualTo("010");
    Verdict ended = judge(anEntry().expiringOn(DAY.minusDays(1)).build(), null, null);
    assertThat(ended.result()).isEqualTo("010");
    assertThat(ended.findings()).extracting(Finding::code).contains("CARD_EXPIRED");
  }

  @Test
  void aVisitBeforeTheStartDateIsNotYetValid() {
    Verdict v = judge(anEntry().validFrom(DAY.plusDays(1)).build(), null, null);
    assertThat(v.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(v.findings()).extracting(Finding::code).contains("CARD_NOT_YET_VALID");
    assertThat(v.findings())
        .filteredOn(f -> f.code().equals("CARD_NOT_YET_VALID"))
        .extracting(Finding::args)
        .containsExactly(java.util.List.of("2026-11-24"));
  }

  @Test
  void replacedCards() {
    Verdict expired =
        judge(anEntry().expiringOn(DAY.minusDays(3)).replacedBy("7912345678").build(), null, null);
    assertThat(expired.result()).isEqualTo("003");
    assertThat(expired.outcome()).isEqualTo(Outcome.WARNING);
    assertThat(expired.card().replacedBy()).isEqualTo("7912345678");
    Verdict stillValid = judge(anEntry().replacedBy("7912345678").build(), null, null);
    assertThat(stillValid.result()).isEqualTo("004");
    assertThat(stillValid.outcome()).isEqualTo(Outcome.VALID);
  }

  @Test
  void numberChecks() {
    Verdict malformed =
        rules.judge(typed("DN12", null, null), null, FundReply.NOT_CONFIGURED, outpatient());
    assertThat(malformed.result()).isEqualTo("051");
    assertThat(
            judge(anEntry().withNumber("ZZ4797912345678").inGroup(null).build(), null, null)
                .result())
        .isEqualTo("051");
    assertThat(judge(anEntry().withNumber("DN4037912345678").build(), null, null).result())
        .isEqualTo("052");
    assertThat(
            judge(anEntry().withNumber("DN9797912345678").withLevel(null).build(), null, null)
                .result())
        .isEqualTo("053");
    Verdict defence =
        judge(
            anEntry().withNumber("QN5977912345678").withLevel(5).inGroup("QN").build(), null, null);
    assertThat(defence.result()).isEqualTo("001");
    assertThat(defence.outcome()).isEqualTo(Outcome.WARNING);
  }

  @Test
  void legacyNumbersAreAcceptedWithAWarning() {
    Verdict v =
        judge(
            anEntry().withNumber("HS7790900400931").inGroup("HS").withLevel(null).build(),
            null,
            null);
    assertThat(v.outcome()).isEqualTo(Outcome.WARNING);
    assertThat(v.result()).isEqualTo("000");
    assertThat(v.findings()).extracting(Finding::code).contains("CARD_NUMBER_LEGACY");
    assertThat(v.coverage().explanation())
        .extracting(Coverage.Explanation::code)
        .contains("LEVEL_FROM_GROUP");
  }

  @Test
  void withoutRegistryOrFundTheCardIsUnconfirmedUnlessItIsWrong() {
    Evidence e = typed("DN4797912345678", "Nguyễn Văn An", "1990-01-31");
    Verdict unconfirmed = rules.judge(e, null, FundReply.NOT_CONFIGURED, outpatient());
    assertThat(unconfirmed.outcome()).isEqualTo(Outcome.UNCONFIRMED);
    assertThat(unconfirmed.source()).isEqualTo(Source.CARD);
    assertThat(unconfirmed.findings())
        .extracting(Finding::code)
        .contains("NOT_IN_REGISTRY", "FUND_NOT_CONFIGURED");
    Verdict unknown =
        rules.judge(
            e,
            null,
            FundReply.answered(new FundAnswer("050", null, null, java.util.List.of())),
            outpatient());
    assertThat(unknown.result()).isEqualTo("050");
    assertThat(unknown.outcome()).isEqualTo(Outcome.INVALID);
  }

  @Test
  void aTypedNumberTheRegistryLacksSaysWhatIsNotKnownRatherThanWhatNewCardsPrint() {
    Evidence e = typed("DN4797912345678", "Nguyễn Văn An", "1990-01-31");
    Verdict v = rules.judge(e, null, FundReply.NOT_CONFIGURED, outpatient());
    assertThat(v.findings())
        .extracting(Finding::code)
        .contains("VALIDITY_NOT_KNOWN")
        .doesNotContain("VALIDITY_UNKNOWN");
    assertThat(v.coverage().explanation())
        .extracting(Coverage.Explanation::code)
        .contains("ROUTE_FACILITY_UNKNOWN")
        .doesNotContain("ROUTE_SELF_REFERRED");
  }

  @Test
  void routeAndShareByVisit() {
    RegistryEntry elsewhere = anEntry().registeredAt("01043").withLevel(3).build();
    Verdict outpatient = judge(elsewhere, null, null);
    assertThat(outpatient.coverage().route()).isEqualTo(Route.WRONG);
    assertThat(outpatient.coverage().percent()).isEqualByComparingTo("47.5");
    Verdict inpatient =
        rules.judge(
            typed("DN3797912345678", null, null),
            elsewhere,
            FundReply.NOT_CONFIGURED,
            new Visit(DAY, VisitKind.INPATIENT, false));
    assertThat(inpatient.coverage().percent()).isEqualByComparingTo("95");
    Verdict referral =
        rules.judge(
            typed("x", null, null),
            elsewhere,
            FundReply.NOT_CONFIGURED,
            new Visit(DAY, VisitKind.OUTPATIENT, true));
    assertThat(referral.coverage().route()).isEqualTo(Route.REFERRAL);
    assertThat(referral.coverage().percent()).isEqualByComparingTo("95");
    Verdict emergency =
        rules.judge(
            typed("x", null, null),
            elsewhere,
            FundReply.NOT_CONFIGURED,
            new Visit(DAY, VisitKind.EMERGENCY, false));
    assertThat(emergency.coverage().route()).isEqualTo(Route.EMERGENCY);
  }

  @Test
  void routeRulesBeforeJuly2025() {
    CardRules central =
        new CardRules(REF, new Facility(new FacilityCode("01001"), FacilityLevel.CENTRAL));
    RegistryEntry e = anEntry().validFrom(LocalDate.of(2020, 1, 1)).build();
    Verdict v =
        central.judge(
            typed("x", null, null),
            e,
            FundReply.NOT_CONFIGURED,
            new Visit(LocalDate.of(2024, 3, 1), VisitKind.INPATIENT, false));
    assertThat(v.coverage().percent()).isEqualByComparingTo(new BigDecimal("32"));
    Verdict out =
        central.judge(
            typed("x", null, null),
            e,
            FundReply.NOT_CONFIGURED,
            new Visit(LocalDate.of(2024, 3, 1), VisitKind.OUTPATIENT, false));
    assertThat(out.coverage().percent()).isEqualByComparingTo("0");
  }

  @Test
  void districtAndCommuneLevelsCountAsRightRoute() {
    CardRules district =
        new CardRules(REF, new Facility(new FacilityCode("79500"), FacilityLevel.DISTRICT));
    Verdict v =
        district.judge(
            typed("x", null, null),
            anEntry().registeredAt("01043").build(),
            FundReply.NOT_CONFIGURED,
            outpatient());
    assertThat(v.coverage().route()).isEqualTo(Route.RIGHT);
    assertThat(v.coverage().percent()).isEqualByComparingTo("80");
    CardRules commune =
        new CardRules(REF, new Facility(new FacilityCode("79999"), FacilityLevel.COMMUNE));
    Verdict c =
        commune.judge(
            typed("x", null, null), anEntry().build(), FundReply.NOT_CONFIGURED, outpatient());
    assertThat(c.coverage().percent()).isEqualByComparingTo("100");
  }

  @Test
  void coverageAloneMatchesTheVerdictsCoverage() {
    RegistryEntry e = anEntry().build();
    Verdict v = judge(e, null, null);
    CardFacts card = CardFactsMerge.merge(typed(e.cardNumber().value(), null, null), e);
    Coverage alone = rules.coverage(card, outpatient());
    assertThat(alone.percent()).isEqualByComparingTo(v.coverage().percent());
    assertThat(alone.route()).isEqualTo(v.coverage().route());
  }

  @Test
  void explanationMentionsSmallVisitAndFiveYears() {
    Verdict v = judge(anEntry().fiveYearsFrom(LocalDate.of(2020, 1, 1)).build(), null, null);
    assertThat(v.coverage().explanation())
        .extracting(Coverage.Explanation::code)
        .containsExactly("LEVEL", "ROUTE_REGISTERED", "SMALL_VISIT", "FIVE_YEARS");
    assertThat(v.coverage().explanation().get(2).args()).containsExactly("379500");
  }

  @Test
  void registryRowsWinOverTheCardsPrintedData() {
    var payload =
        new vn.bhyt.verifier.card.CardPayload(
            CardNumber.of("DN4797912345678"),
            "Nguyễn Văn An",
            PartialDate.parse("1990-01-31"),
            null,
            null,
            new FacilityCode("01043"),
            LocalDate.of(2025, 1, 1),
            LocalDate.of(2025, 12, 31),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            14);
    Verdict v =
        rules.judge(
            new Evidence.Scanned(payload),
            anEntry().build(),
            FundReply.NOT_CONFIGURED,
            outpatient());
    assertThat(v.card().validTo()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(v.card().registeredFacility().value()).isEqualTo("79034");
    assertThat(v.result()).isEqualTo("000");
  }
}
