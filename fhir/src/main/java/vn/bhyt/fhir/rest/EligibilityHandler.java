package vn.bhyt.fhir.rest;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.jspecify.annotations.Nullable;
import vn.bhyt.fhir.EligibilityService;
import vn.bhyt.fhir.FhirStore;
import vn.bhyt.http.Response;

/**
 * {@code POST /fhir/CoverageEligibilityRequest}: the card check for FHIR clients. Validates the
 * request against base R4 (422 when invalid), asks the eligibility service and answers its
 * CoverageEligibilityResponse (200); stores nothing itself.
 */
final class EligibilityHandler extends FhirHandler {
  private final EligibilityService eligibility;

  EligibilityHandler(
      FhirStore store, Executor executor, @Nullable String base, EligibilityService eligibility) {
    super(store, executor, base);
    this.eligibility = eligibility;
  }

  @Override
  protected CompletionStage<Response> answer(FhirExchange ex) {
    var caller = ex.request().principal();
    return blocking(
            () -> {
              CoverageEligibilityRequest request =
                  (CoverageEligibilityRequest) ex.body("CoverageEligibilityRequest");
              requireValid(request);
              return request;
            })
        .thenCompose(r -> eligibility.check(r, caller))
        .thenApply(
            response -> {
              if (response == null) {
                throw new IllegalStateException("the eligibility service answered nothing");
              }
              return ex.answer(200, response);
            });
  }
}
