package vn.bhyt.visits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.junit.jupiter.api.Test;
import vn.bhyt.fhir.FhirContexts;
import vn.bhyt.fhir.FhirProblem;
import vn.bhyt.verifier.check.CheckRequest;
import vn.bhyt.verifier.rules.Evidence;

class CardEligibilityTest {
  private static CoverageEligibilityRequest parse(String json) {
    return FhirContexts.r4().newJsonParser().parseResource(CoverageEligibilityRequest.class, json);
  }

  private static final String HEAD =
      "{\"resourceType\":\"CoverageEligibilityRequest\",\"status\":\"active\","
          + "\"purpose\":[\"validation\"],\"created\":\"2026-11-23\",\"insurer\":{\"display\":\"VSS\"},";

  @Test
  void readsTheCardFromAContainedCoverageAndThePersonFromAContainedPatient() {
    CheckRequest r =
        CardEligibility.read(
            parse(
                HEAD
                    + "\"contained\":[{\"resourceType\":\"Patient\",\"id\":\"p\",\"name\":[{\"family\":\"Nguyễn\",\"given\":[\"Văn\",\"An\"]}],"
                    + "\"birthDate\":\"1990\"},{\"resourceType\":\"Coverage\",\"id\":\"c\",\"status\":\"active\","
                    + "\"subscriberId\":\"DN4797912345678\",\"beneficiary\":{\"reference\":\"#p\"},\"payor\":[{\"display\":\"VSS\"}]}],"
                    + "\"patient\":{\"reference\":\"#p\"},\"servicedDate\":\"2026-11-20\","
                    + "\"insurance\":[{\"coverage\":{\"reference\":\"#c\"}}]}"));
    Evidence.Typed typed = (Evidence.Typed) r.evidence();
    assertThat(typed.number().value()).isEqualTo("DN4797912345678");
    assertThat(typed.name()).isEqualTo("Nguyễn Văn An");
    assertThat(typed.birthDate().yearOnly()).isTrue();
    assertThat(r.visitDate()).isEqualTo(LocalDate.of(2026, 11, 20));
  }

  @Test
  void readsACoverageIdentifierOrTheScannedQr() {
    CheckRequest byId =
        CardEligibility.read(
            parse(
                HEAD
                    + "\"patient\":{\"display\":\"x\"},"
                    + "\"insurance\":[{\"coverage\":{\"identifier\":{\"value\":\"0204287018\"}}}]}"));
    assertThat(((Evidence.Typed) byId.evidence()).number().value()).isEqualTo("0204287018");
    String qr =
        "DN401AA31900313|4cc3aa205669e1bb87742048c6b06e67|04/09/1985|1|-|01 - 043|01/07/2017|31/12/2017|21/07/2017|-|-|4|-|-|$";
    CheckRequest byQr =
        CardEligibility.read(
            parse(
                HEAD
                    + "\"patient\":{\"display\":\"x\"},"
                    + "\"extension\":[{\"url\":\""
                    + CardEligibility.EXT_CARD_QR
                    + "\",\"valueString\":\""
                    + qr
                    + "\"}]}"));
    assertThat(byQr.evidence()).isInstanceOf(Evidence.Scanned.class);
    assertThat(byQr.evidence().name()).isEqualTo("Lê Việt Hưng");
  }

  @Test
  void theServicedDateIsTheDayAsWrittenAndMustBeFull() {
    String tail =
        "\"patient\":{\"display\":\"x\"},\"insurance\":[{\"coverage\":{\"identifier\":{\"value\":\"0204287018\"}}}]}";
    java.util.TimeZone saved = java.util.TimeZone.getDefault();
    try {
      java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("America/Los_Angeles"));
      assertThat(
              CardEligibility.read(parse(HEAD + "\"servicedDate\":\"2026-11-20\"," + tail))
                  .visitDate())
          .isEqualTo(LocalDate.of(2026, 11, 20));
    } finally {
      java.util.TimeZone.setDefault(saved);
    }
    assertThatThrownBy(
            () -> CardEligibility.read(parse(HEAD + "\"servicedDate\":\"2026-11\"," + tail)))
        .isInstanceOfSatisfying(FhirProblem.class, p -> assertThat(p.status()).isEqualTo(400));
  }

  @Test
  void aRequestWithoutACardIsABadRequest() {
    assertThatThrownBy(() -> CardEligibility.read(parse(HEAD + "\"patient\":{\"display\":\"x\"}}")))
        .isInstanceOfSatisfying(FhirProblem.class, p -> assertThat(p.status()).isEqualTo(400));
    assertThatThrownBy(
            () ->
                CardEligibility.read(
                    parse(
                        HEAD
                            + "\"patient\":{\"display\":\"x\"},"
                            + "\"extension\":[{\"url\":\""
                            + CardEligibility.EXT_CARD_QR
                            + "\",\"valueString\":\"hello\"}]}")))
        .isInstanceOfSatisfying(FhirProblem.class, p -> assertThat(p.status()).isEqualTo(400));
  }
}
