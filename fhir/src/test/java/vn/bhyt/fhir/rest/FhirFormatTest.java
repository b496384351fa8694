package vn.bhyt.fhir.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.junit.jupiter.api.Test;
import vn.bhyt.fhir.FhirProblem;
import vn.bhyt.http.Method;
import vn.bhyt.http.Request;

class FhirFormatTest {
  private static Request request(String format, String... headers) {
    Map<String, String> h = new HashMap<>();
    for (int i = 0; i < headers.length; i += 2) {
      h.putIfAbsent(headers[i], headers[i + 1]);
    }
    Map<String, List<String>> query =
        format == null ? Map.of() : Map.of("_format", List.of(format));
    return Request.of(Method.GET, "/fhir/Patient", query, h, new byte[0]);
  }

  @Test
  void acceptPicksTheBestQualityAndTheFirstOfEquals() {
    assertThat(FhirFormat.fromAccept(null)).isEqualTo(FhirFormat.JSON);
    assertThat(FhirFormat.fromAccept("application/fhir+xml")).isEqualTo(FhirFormat.XML);
    assertThat(FhirFormat.fromAccept("application/xml;q=0.5, application/json"))
        .isEqualTo(FhirFormat.JSON);
    assertThat(
            FhirFormat.fromAccept(
                "application/fhir+xml;q=1.0, application/fhir+json;q=1.0, application/xml+fhir;q=0.9"))
        .isEqualTo(FhirFormat.XML);
    assertThat(FhirFormat.fromAccept("text/html, */*;q=0.8")).isEqualTo(FhirFormat.JSON);
    assertThat(FhirFormat.fromAccept("text/html")).isEqualTo(FhirFormat.JSON);
    assertThat(FhirFormat.fromAccept("text/xml;q=x")).isEqualTo(FhirFormat.JSON);
  }

  @Test
  void formatParameterWinsOverAccept() {
    assertThat(FhirFormat.ofAnswer(request("xml", "Accept", "application/json")))
        .isEqualTo(FhirFormat.XML);
    assertThat(FhirFormat.ofAnswer(request("application/fhir json"))).isEqualTo(FhirFormat.JSON);
    assertThatThrownBy(() -> FhirFormat.ofAnswer(request("html")))
        .isInstanceOfSatisfying(FhirProblem.class, p -> assertThat(p.status()).isEqualTo(400));
    assertThat(FhirFormat.ofAnswerOrJson(request("html"))).isEqualTo(FhirFormat.JSON);
  }

  @Test
  void bodiesNeedAFhirMediaType() {
    assertThat(
            FhirFormat.ofBody(request(null, "Content-Type", "application/fhir+xml; charset=utf-8")))
        .isEqualTo(FhirFormat.XML);
    assertThat(FhirFormat.ofBody(request(null, "Content-Type", "application/json")))
        .isEqualTo(FhirFormat.JSON);
    for (String type : new String[] {"text/plain", "json", "application/x-www-form-urlencoded"}) {
      assertThatThrownBy(() -> FhirFormat.ofBody(request(null, "Content-Type", type)))
          .as(type)
          .isInstanceOfSatisfying(FhirProblem.class, p -> assertThat(p.status()).isEqualTo(415));
    }
    assertThatThrownBy(() -> FhirFormat.ofBody(request(null)))
        .isInstanceOfSatisfying(FhirProblem.class, p -> assertThat(p.status()).isEqualTo(415));
  }

  @Test
  void validationErrorsLoseTheirQuotedValues() {
    OperationOutcome validation = new OperationOutcome();
    validation
        .addIssue()
        .setSeverity(IssueSeverity.ERROR)
        .setDiagnostics("The value 'DN4010123456789' is not valid for \"Nguyễn\"")
        .addExpression("Patient.identifier[0].value");
    validation.addIssue().setSeverity(IssueSeverity.WARNING).setDiagnostics("dom-6");
    OperationOutcome errors = OperationOutcomes.errorsWithoutValues(validation);
    assertThat(errors.getIssue()).hasSize(1);
    assertThat(errors.getIssueFirstRep().getDiagnostics())
        .isEqualTo("The value '…' is not valid for '…'");
    assertThat(errors.getIssueFirstRep().getExpression().get(0).getValue())
        .isEqualTo("Patient.identifier[0].value");
  }
}
