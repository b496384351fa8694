package vn.bhyt.claims.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.bhyt.claims.assessment.ClaimReference;
import vn.bhyt.claims.assessment.RuleBook;
import vn.bhyt.http.Method;
import vn.bhyt.http.Request;
import vn.bhyt.problem.ProblemException;
import vn.bhyt.reference.ReferenceData;

/** The claims handler's guard clauses: refused before any work is handed on. */
class ClaimsHandlerTest {
  private final ClaimsHandler handler =
      new ClaimsHandler(
          null,
          null,
          null,
          RuleBook.standard(ReferenceData.builtIn(), ClaimReference.builtIn(), Set.of()),
          Runnable::run,
          ZoneId.of("Asia/Ho_Chi_Minh"));

  private static Request request(String type, Map<String, List<String>> query) {
    Map<String, String> headers = type == null ? Map.of() : Map.of("Content-Type", type);
    return Request.of(Method.POST, "/api/v1/claims", query, headers, new byte[] {'<'});
  }

  private static void refused(Runnable call, String code) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ProblemException.class, p -> assertThat(p.type().code()).isEqualTo(code));
  }

  private static ProblemException badParameter(Runnable call) {
    ProblemException p = catchThrowableOfType(call::run, ProblemException.class);
    assertThat(p).isNotNull();
    assertThat(p.type().code()).isEqualTo("GEN-0008");
    assertThat(p.type().status()).isEqualTo(400);
    return p;
  }

  @Test
  void aMisspeltCorrectionStoredAVersionWithoutItsReasonAndIsRefused() {
    ProblemException p =
        badParameter(
            () ->
                handler.submit(
                    request("application/xml", Map.of("corection", List.of("sửa giá")))));

    assertThat(p.getMessage()).contains("'corection'", "correction").doesNotContain("sửa giá");
    assertThat(p.extensions()).containsEntry("parameter", "corection");
  }

  @Test
  void anUnknownRuleListedNoClaimsAndIsRefusedNamingTheParameterNotTheValue() {
    ProblemException p =
        badParameter(() -> handler.list(request(null, Map.of("rule", List.of("money.line")))));

    assertThat(p.getMessage()).startsWith("'rule' must be").contains("money.lines");
    assertThat(p.getMessage().replace("money.lines", "")).doesNotContain("money.line");
  }

  @Test
  void unknownParametersOnEveryClaimsEndpointAreRefused() {
    badParameter(() -> handler.get(request(null, Map.of("versions", List.of("all")))));
    badParameter(() -> handler.list(request(null, Map.of("satus", List.of("rejected")))));
    badParameter(() -> handler.submit(request("text/xml", Map.of("dryRun", List.of("true")))));
  }

  @Test
  void aParameterGivenTwiceIsRefusedRatherThanItsSecondValueIgnored() {
    badParameter(
        () -> handler.list(request(null, Map.of("status", List.of("accepted", "rejected")))));
    badParameter(
        () ->
            handler.submit(
                request("text/xml", Map.of("correction", List.of("lý do 1", "lý do 2")))));
  }

  @Test
  void aVisitDayBeyondTheYearsOfTheVisitColumnWasAnInternalErrorAndIsRefused() {
    badParameter(() -> handler.list(request(null, Map.of("to", List.of("+999999999-12-31")))));
    badParameter(() -> handler.list(request(null, Map.of("from", List.of("+10000-01-01")))));
    badParameter(() -> handler.list(request(null, Map.of("from", List.of("0999-12-31")))));
  }

  @Test
  void anUnknownParameterNameThatMayCarryPatientDataIsNotRepeated() {
    ProblemException p =
        badParameter(
            () -> handler.list(request(null, Map.of("Nguyễn Văn A DN4790123456789", List.of("")))));

    assertThat(p.getMessage()).doesNotContain("Nguyễn", "DN4790123456789");
    assertThat(p.extensions()).containsEntry("parameter", "?");
  }

  @Test
  void anEnvelopeMustBeXml() {
    refused(() -> handler.submit(request("application/json", Map.of())), "GEN-0004");
    refused(() -> handler.submit(request(null, Map.of())), "GEN-0004");
  }

  @Test
  void aCorrectionNeedsAReasonOfAtMost500Characters() {
    refused(
        () -> handler.submit(request("text/xml", Map.of("correction", List.of(" ")))), "GEN-0008");
    refused(
        () ->
            handler.submit(
                request("application/xml", Map.of("correction", List.of("x".repeat(501))))),
        "GEN-0008");
  }

  @Test
  void listParametersAreChecked() {
    for (Map.Entry<String, String> bad :
        Map.of(
                "status", "open",
                "from", "2026-02-30",
                "to", "yesterday",
                "page", "0",
                "size", "501",
                "department", "",
                "sort", "id")
            .entrySet()) {
      refused(
          () -> handler.list(request(null, Map.of(bad.getKey(), List.of(bad.getValue())))),
          "GEN-0008");
    }
  }
}
