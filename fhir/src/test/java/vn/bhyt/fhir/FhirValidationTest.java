package vn.bhyt.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

/** The validator against base R4, on the specification's own examples. */
class FhirValidationTest {
  static String example(String name) throws IOException {
    try (InputStream in = FhirValidationTest.class.getResourceAsStream("/r4-examples/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static String errors(OperationOutcome oo) {
    StringBuilder b = new StringBuilder();
    oo.getIssue().stream()
        .filter(
            i ->
                i.getSeverity() == OperationOutcome.IssueSeverity.ERROR
                    || i.getSeverity() == OperationOutcome.IssueSeverity.FATAL)
        .forEach(
            i -> b.append(i.getDiagnostics()).append(" @ ").append(i.getExpression()).append('\n'));
    return b.toString();
  }

  @Test
  void aContainedResourceReferencedFromANestedElementPassesDom3() throws Exception {
    Encounter home =
        FhirContexts.r4()
            .newJsonParser()
            .parseResource(Encounter.class, example("encounter-example-home.json"));
    OperationOutcome oo = FhirValidation.validate(home);
    assertThat(FhirValidation.hasErrors(oo)).as(errors(oo)).isFalse();
  }
}
