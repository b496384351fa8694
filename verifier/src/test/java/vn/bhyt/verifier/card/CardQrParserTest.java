package vn.bhyt.verifier.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.LivingArea;
import vn.bhyt.domain.Sex;
import vn.bhyt.verifier.card.QrParseException.Reason;

class CardQrParserTest {
  static final String NEW_CARD =
      "0204287018|486fc3a06e67205875c3a26e2048e1baa56e|30/07/1981|1|43747920435020434e5454205669e1bb8774204261|79 - 034|01/02/2021|-|20/02/2021|79020204287018|-|4| 01/01/2015|15e89ac07ee8517f-7102|4|5175e1baad6e2031322c205468c3a06e68207068e1bb912048e1bb93204368c3ad204d696e68|$";
  static final String OLD_CARD =
      "DN401AA31900313|4cc3aa205669e1bb87742048c6b06e67|04/09/1985|1|437479207068e1baa76e206de1bb816d20564e50542d20434e2074e1bb956e6720437479204456205654|01 - 043|01/07/2017|31/12/2017|21/07/2017|01059710639215|-|4|01/07/2022|1f2fa22c47f0bd18-7102|$";

  @Test
  void decodesThePublishedNewModelPayload() throws Exception {
    CardPayload p = (CardPayload) CardQrParser.parse(NEW_CARD);
    assertThat(p.number().model()).isEqualTo(CardNumber.Model.NEW);
    assertThat(p.name()).isEqualTo("Hoàng Xuân Hấn");
    assertThat(p.address()).isEqualTo("Cty CP CNTT Việt Ba");
    assertThat(p.birthDate().date()).isEqualTo(LocalDate.of(1981, 7, 30));
    assertThat(p.sex()).isEqualTo(Sex.MALE);
    assertThat(p.registeredFacility().value()).isEqualTo("79034");
    assertThat(p.validFrom()).isEqualTo(LocalDate.of(2021, 2, 1));
    assertThat(p.validTo()).isNull();
    assertThat(p.fiveYearsFrom()).isEqualTo(LocalDate.of(2015, 1, 1));
    assertThat(p.benefitLevel()).isEqualTo(4);
    assertThat(p.issuingOffice()).isEqualTo("Quận 12, Thành phố Hồ Chí Minh");
    assertThat(p.livingArea()).isNull();
    assertThat(p.fields()).isEqualTo(16);
  }

  @Test
  void decodesThePublishedOldModelPayload() throws Exception {
    CardPayload p = (CardPayload) CardQrParser.parse(OLD_CARD);
    assertThat(p.number().value()).isEqualTo("DN401AA31900313");
    assertThat(p.name()).isEqualTo("Lê Việt Hưng");
    assertThat(p.registeredFacility().value()).isEqualTo("01043");
    assertThat(p.validFrom()).isEqualTo(LocalDate.of(2017, 7, 1));
    assertThat(p.validTo()).isEqualTo(LocalDate.of(2017, 12, 31));
    assertThat(p.benefitLevel()).isNull();
    assertThat(p.fields()).isEqualTo(14);
  }

  @Test
  void toleratesWhatScannersDo() throws Exception {
    String messy =
        OLD_CARD
                .substring(0, OLD_CARD.length() - 2)
                .toUpperCase()
                .replace("DN401AA", "dn401aa")
                .replace("01 - 043", "01 \u2013 043")
            + "\r\n";
    CardPayload p = (CardPayload) CardQrParser.parse(messy);
    assertThat(p.name()).isEqualTo("Lê Việt Hưng");
    assertThat(p.number().value()).isEqualTo("DN401AA31900313");
    assertThat(p.registeredFacility().value()).isEqualTo("01043");
  }

  @Test
  void acceptsATruncatedPayloadAndYearOnlyBirthDates() throws Exception {
    String truncated =
        "HS4790900400931|4c6520416e68|2008|2|-|79 - 034|01/01/2026|31/12/2026|20/12/2025|$";
    CardPayload p = (CardPayload) CardQrParser.parse(truncated);
    assertThat(p.birthDate().yearOnly()).isTrue();
    assertThat(p.birthDate().year()).isEqualTo(2008);
    assertThat(p.sex()).isEqualTo(Sex.FEMALE);
    assertThat(p.address()).isNull();
    assertThat(p.fiveYearsFrom()).isNull();
    assertThat(p.fields()).isEqualTo(9);
  }

  @Test
  void mapsLivingAreaDigits() throws Exception {
    String k2 = OLD_CARD.replace("|-|4|01/07/2022|", "|-|6|01/07/2022|");
    assertThat(((CardPayload) CardQrParser.parse(k2)).livingArea()).isEqualTo(LivingArea.K2);
  }

  @Test
  void recognisesAChipCitizenIdQr() throws Exception {
    Scan scan =
        CardQrParser.parse(
            "079090001234|123456789|Nguyễn Văn An|31011990|Nam|12 Lê Lợi, Quận 1, TP.HCM|15082021");
    assertThat(scan).isInstanceOf(CitizenIdPayload.class);
    CitizenIdPayload id = (CitizenIdPayload) scan;
    assertThat(id.citizenId()).isEqualTo("079090001234");
    assertThat(id.oldId()).isEqualTo("123456789");
    assertThat(id.birthDate().date()).isEqualTo(LocalDate.of(1990, 1, 31));
    assertThat(id.sex()).isEqualTo(Sex.MALE);
    assertThat(id.issuedOn()).isEqualTo(LocalDate.of(2021, 8, 15));
  }

  @Test
  void aMalformedCardNumberIsStillAPayloadForTheRulesToJudge() throws Exception {
    CardPayload p = (CardPayload) CardQrParser.parse(OLD_CARD.replace("DN401AA31900313", "XX12"));
    assertThat(p.number().model()).isEqualTo(CardNumber.Model.UNKNOWN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\r\n"})
  void emptyTextIsEmpty(String text) {
    assertReason(text, Reason.EMPTY);
  }

  @Test
  void aNameHoldingTheReplacementCharacterItselfIsText() throws Exception {
    CardPayload card =
        (CardPayload)
            CardQrParser.parse(OLD_CARD.replace("4cc3aa205669e1bb87742048c6b06e67", "41efbfbd42"));
    assertThat(card.name()).isEqualTo("A\uFFFDB");
  }

  @Test
  void documentedParseErrors() {
    assertReason("hello world", Reason.WRONG_FIELD_COUNT);
    assertReason("a|b|c|$", Reason.WRONG_FIELD_COUNT);
    assertReason(OLD_CARD.replace("|$", "|x|y|z|$"), Reason.WRONG_FIELD_COUNT);
    assertReason(
        OLD_CARD.replace("4cc3aa205669e1bb87742048c6b06e67", "Le Viet Hung"), Reason.NOT_HEX);
    assertReason(OLD_CARD.replace("4cc3aa205669e1bb87742048c6b06e67", "4cc"), Reason.NOT_HEX);
    assertReason(OLD_CARD.replace("4cc3aa205669e1bb87742048c6b06e67", "c328"), Reason.NOT_UTF8);
    assertReason(OLD_CARD.replace("4cc3aa205669e1bb87742048c6b06e67", "41eda080"), Reason.NOT_UTF8);
    assertReason(OLD_CARD.replace("4cc3aa205669e1bb87742048c6b06e67", "41ff42"), Reason.NOT_UTF8);
    assertReason(OLD_CARD.replace("04/09/1985", "31/02/1985"), Reason.BAD_DATE);
    assertReason(
        OLD_CARD.replace("01/07/2017|31/12/2017", "2017-07-01|31/12/2017"), Reason.BAD_DATE);
    assertReason(OLD_CARD.replace("01 - 043", "Hà Nội"), Reason.BAD_FACILITY);
    assertReason(OLD_CARD.replace("DN401AA31900313", " "), Reason.MISSING_NUMBER);
    assertReason("1".repeat(100_000), Reason.TOO_LONG);
  }

  @Test
  void errorMessagesNameTheFieldNotItsContent() {
    String secret = "4cc3aa205669e1bb87742048c6b06e";
    assertThatThrownBy(() -> CardQrParser.parse(OLD_CARD.replace("04/09/1985", "Lê Việt Hưng")))
        .hasMessageContaining("field 2")
        .hasMessageNotContaining("Lê")
        .hasMessageNotContaining(secret);
  }

  private static void assertReason(String text, Reason reason) {
    assertThatThrownBy(() -> CardQrParser.parse(text))
        .isInstanceOfSatisfying(
            QrParseException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
