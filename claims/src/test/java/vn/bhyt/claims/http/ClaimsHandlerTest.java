package vn.bhyt.claims.http;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.bhyt.http.Method;
import vn.bhyt.http.Request;
import vn.bhyt.problem.ProblemException;

/** The claims handler's guard clauses: refused before any work is handed on. */
class ClaimsHandlerTest {
  private final ClaimsHandler handler =
      new ClaimsHandler(null, null, null, Runnable::run, ZoneId.of("Asia/Ho_Chi_Minh"));

  private static Request request(String type, Map<String, List<String>> query) {
    Map<String, String> headers = type == null ? Map.of() : Map.of("Content-Type", type);
    return Request.of(Method.POST, "/api/v1/claims", query, headers, new byte[] {'<'});
  }

  private static void refused(Runnable call, String code) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> org.assertj.core.api.Assertions.assertThat(p.type().code()).isEqualTo(code));
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
