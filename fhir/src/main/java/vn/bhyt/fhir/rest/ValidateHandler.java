package vn.bhyt.fhir.rest;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import vn.bhyt.fhir.FhirProblem;
import vn.bhyt.fhir.FhirStore;
import vn.bhyt.fhir.FhirValidation;
import vn.bhyt.http.Response;

/**
 * {@code POST /fhir/{type}/$validate} and {@code POST /fhir/{type}/{id}/$validate}: validates the
 * resource in the body (or in a Parameters' {@code resource}) against the base R4 definitions and
 * answers 200 with an OperationOutcome of every issue, whose messages leave the resource's values
 * out. Nothing is stored. A body that cannot be read is a 400 that says what could not be read.
 */
final class ValidateHandler extends FhirHandler {
  ValidateHandler(FhirStore store, Executor executor, @Nullable String base) {
    super(store, executor, base);
  }

  @Override
  protected CompletionStage<Response> answer(FhirExchange ex) {
    String type = ex.type(FhirRoutes.VALIDATABLE);
    String id = ex.request().optionalPathParam("id");
    return blocking(
            () -> {
              Resource resource = resource(ex, type, id);
              return OperationOutcomes.withoutValues(
                  FhirValidation.validate(resource), resource, false);
            })
        .thenApply(oo -> ex.answer(200, oo));
  }

  private static Resource resource(FhirExchange ex, String type, @Nullable String id) {
    Resource resource = unwrap(ex.body());
    if (!resource.fhirType().equals(type)) {
      throw FhirProblem.badRequest("the body must be a " + type + " resource");
    }
    if (id != null && resource.hasIdElement() && !id.equals(resource.getIdElement().getIdPart())) {
      throw FhirProblem.badRequest("the id in the body must equal the id in the URL");
    }
    return resource;
  }

  private static Resource unwrap(Resource body) {
    if (!(body instanceof Parameters parameters)) {
      return body;
    }
    for (ParametersParameterComponent p : parameters.getParameter()) {
      if (p.getName().equals("profile")) {
        throw FhirProblem.badRequest("only validation against the base R4 definitions is offered");
      }
      if (p.getName().equals("mode") && "delete".equals(p.getValue().primitiveValue())) {
        throw FhirProblem.badRequest("mode delete is not offered: nothing is ever deleted");
      }
    }
    return parameters.getParameter().stream()
        .filter(p -> p.getName().equals("resource") && p.getResource() != null)
        .map(p -> p.getResource())
        .findFirst()
        .orElseThrow(() -> FhirProblem.badRequest("the Parameters hold no resource to validate"));
  }
}
