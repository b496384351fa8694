package vn.bhyt.verifier.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.FacilityLevel;
import vn.bhyt.domain.VisitKind;
import vn.bhyt.http.Json;
import vn.bhyt.reference.ReferenceData;
import vn.bhyt.verifier.check.CheckResult;
import vn.bhyt.verifier.rules.CardRules;
import vn.bhyt.verifier.rules.Cards;
import vn.bhyt.verifier.rules.Evidence;
import vn.bhyt.verifier.rules.Facility;
import vn.bhyt.verifier.rules.FindingCode;
import vn.bhyt.verifier.rules.FundReply;
import vn.bhyt.verifier.rules.Verdict;
import vn.bhyt.verifier.rules.Visit;

class CheckAnswerTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
  private static final List<String> EXPLANATIONS =
      List.of(
          "LEVEL",
          "LEVEL_FROM_GROUP",
          "ROUTE_EMERGENCY",
          "ROUTE_REGISTERED",
          "ROUTE_REFERRAL",
          "ROUTE_LEVEL_IS_RIGHT",
          "ROUTE_SELF_REFERRED",
          "SELF_REFERRED_SHARE",
          "FACILITY_LEVEL_FULL",
          "SMALL_VISIT",
          "FIVE_YEARS");
  private final CardRules rules =
      new CardRules(
          ReferenceData.builtIn(),
          new Facility(new FacilityCode("79034"), FacilityLevel.PROVINCIAL));

  private String answer(Verdict v, Locale language) {
    CheckResult r =
        new CheckResult(
            "01TEST", OffsetDateTime.parse("2026-11-23T08:00:00+07:00"), v, "1.0.000.registry.x");
    return new String(Json.write(CheckAnswer.of(r, language)), StandardCharsets.UTF_8);
  }

  private Verdict judge(Cards entry) {
    var e = entry.build();
    return rules.judge(
        new Evidence.Typed(e.cardNumber(), null, null),
        e,
        FundReply.NOT_CONFIGURED,
        new Visit(DAY, VisitKind.OUTPATIENT, false));
  }

  @Test
  void coveragePercentIsWrittenAsAPlainNumberNot8E1() {
    assertThat(answer(judge(Cards.anEntry()), Locale.ENGLISH))
        .contains("\"percent\":80,")
        .doesNotContain("E+");
    assertThat(answer(judge(Cards.anEntry().registeredAt("01043").withLevel(3)), Locale.ENGLISH))
        .contains("\"percent\":47.5,");
  }

  @Test
  void everyFindingResultAndExplanationHasATextInBothLanguages() {
    for (Locale language : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
      Messages text = Messages.of(language);
      for (FindingCode code : FindingCode.values()) {
        assertThat(text.has("reason." + code.name())).as(language + " reason." + code).isTrue();
        if (code.result() != null) {
          assertThat(text.has("result." + code.result()))
              .as(language + " result." + code.result())
              .isTrue();
        }
      }
      EXPLANATIONS.forEach(
          c -> assertThat(text.has("coverage." + c)).as(language + " " + c).isTrue());
    }
  }

  @Test
  void vietnameseIsTheDefaultAndEnglishIsAskedFor() {
    Verdict expired = judge(Cards.anEntry().expiringOn(DAY.minusDays(1)));
    assertThat(answer(expired, Locale.forLanguageTag("vi")))
        .contains("Thẻ hết giá trị sử dụng sau ngày 2026-11-22");
    assertThat(answer(expired, Locale.ENGLISH)).contains("The card is not valid after 2026-11-22");
    assertThat(answer(judge(Cards.anEntry()), Locale.forLanguageTag("vi")))
        .contains("dưới 379.500 đồng");
  }

  @Test
  void cardNumberArgumentsAreNotFormattedAsNumbers() {
    Verdict replaced = judge(Cards.anEntry().expiringOn(DAY.minusDays(1)).replacedBy("7912345678"));
    assertThat(answer(replaced, Locale.ENGLISH)).contains("new card 7912345678 was issued");
  }
}
