package vn.bhyt.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class DomainPrimitivesTest {
  private static final Pattern OLD = Pattern.compile("[A-Z]{2}[0-9]{3}[0-9A-Z]{10}");
  private static final Pattern NEW = Pattern.compile("[0-9]{10}");

  @RepeatedTest(50)
  void cardNumbersAreNormalisedAndClassifiedAsTheirPatternsSay(RepetitionInfo repetition) {
    Random random = new Random(31L * repetition.getCurrentRepetition());
    String alphabet = "0123456789ABDHNSTZadnsz \t\u00a0\u2003ǅß-";
    for (int i = 0; i < 200; i++) {
      StringBuilder text = new StringBuilder();
      int shape = random.nextInt(3);
      int length = shape == 0 ? random.nextInt(18) : 9 + random.nextInt(8);
      for (int c = 0; c < length; c++) {
        text.append(
            switch (shape) {
              case 1 ->
                  c < 2 ? (char) ('A' + random.nextInt(26)) : (char) ('0' + random.nextInt(10));
              case 2 -> (char) ('0' + random.nextInt(10));
              default -> alphabet.charAt(random.nextInt(alphabet.length()));
            });
      }
      String expected = text.toString().replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
      CardNumber n = CardNumber.of(text.toString());
      assertThat(n.value()).isEqualTo(expected);
      assertThat(n.model())
          .isEqualTo(
              NEW.matcher(expected).matches()
                  ? CardNumber.Model.NEW
                  : OLD.matcher(expected).matches()
                      ? CardNumber.Model.OLD
                      : CardNumber.Model.UNKNOWN);
    }
  }

  @Test
  void oldCardNumberSplitsIntoGroupLevelProvinceAndSsn() {
    CardNumber n = CardNumber.of(" dn4010123456789 ");
    assertThat(n.value()).isEqualTo("DN4010123456789");
    assertThat(n.model()).isEqualTo(CardNumber.Model.OLD);
    assertThat(n.group()).isEqualTo("DN");
    assertThat(n.level()).isEqualTo(4);
    assertThat(n.province()).isEqualTo("01");
    assertThat(n.ssn()).isEqualTo("0123456789");
    assertThat(n.legacy()).isFalse();
  }

  @Test
  void newCardNumberIsTheSsn() {
    CardNumber n = CardNumber.of("0204287018");
    assertThat(n.model()).isEqualTo(CardNumber.Model.NEW);
    assertThat(n.ssn()).isEqualTo("0204287018");
    assertThat(n.group()).isNull();
    assertThat(n.model().code()).isEqualTo("2021");
  }

  @Test
  void legacyFormsAreRecognisedAndFlagged() {
    assertThat(CardNumber.of("DN401AA31900313").legacy()).isTrue();
    assertThat(CardNumber.of("HS7790900400931").legacy()).isTrue();
    assertThat(CardNumber.of("HS7790900400931").model()).isEqualTo(CardNumber.Model.OLD);
  }

  /** Legacy is whatever the strict old form {@code [A-Z]{2}[1-5][0-9]{12}} does not match. */
  @RepeatedTest(20)
  void legacyIsWhatTheStrictOldFormDoesNotMatch(RepetitionInfo repetition) {
    Pattern strict = Pattern.compile("[A-Z]{2}[1-5][0-9]{12}");
    Random random = new Random(4_200 + repetition.getCurrentRepetition());
    String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for (int i = 0; i < 500; i++) {
      StringBuilder v = new StringBuilder();
      v.append((char) ('A' + random.nextInt(26))).append((char) ('A' + random.nextInt(26)));
      v.append(random.nextInt(10)).append(random.nextInt(10)).append(random.nextInt(10));
      for (int d = 0; d < 10; d++) {
        v.append(
            random.nextInt(8) == 0
                ? alphabet.charAt(random.nextInt(alphabet.length()))
                : (char) ('0' + random.nextInt(10)));
      }
      CardNumber n = CardNumber.of(v.toString());
      assertThat(n.model()).isEqualTo(CardNumber.Model.OLD);
      assertThat(n.legacy()).as(v.toString()).isEqualTo(!strict.matcher(v).matches());
    }
  }

  @Test
  void anythingElseIsUnknown() {
    assertThat(CardNumber.of("12345").model()).isEqualTo(CardNumber.Model.UNKNOWN);
    assertThat(CardNumber.of("D14010123456789").model()).isEqualTo(CardNumber.Model.UNKNOWN);
    assertThat(CardNumber.of("").ssn()).isNull();
  }

  @Test
  void facilityCodeAcceptsTheCardWriting() {
    assertThat(FacilityCode.parse("79 - 034").value()).isEqualTo("79034");
    assertThat(FacilityCode.parse("79 \u2013 034").value()).isEqualTo("79034");
    assertThat(FacilityCode.parse("01-k12").value()).isEqualTo("01K12");
    assertThatThrownBy(() -> FacilityCode.parse("7903"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FacilityCode.parse("AB034"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void partialDatesCompareByYearWhenEitherSideHasOnlyAYear() {
    PartialDate year = PartialDate.parse("1990");
    PartialDate day = PartialDate.parse("1990-01-31");
    assertThat(year.yearOnly()).isTrue();
    assertThat(year.sameAs(day)).isTrue();
    assertThat(day.sameAs(PartialDate.parse("1990-02-01"))).isFalse();
    assertThat(day.sameAs(PartialDate.parse("1991"))).isFalse();
    assertThat(year.toString()).isEqualTo("1990");
    assertThat(day.ageOn(LocalDate.of(2026, 1, 30))).isEqualTo(35);
  }
}
