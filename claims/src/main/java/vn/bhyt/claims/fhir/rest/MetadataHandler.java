package vn.bhyt.claims.fhir.rest;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.hl7.fhir.r4.model.CapabilityStatement;
import vn.bhyt.claims.fhir.FhirStore;
import vn.bhyt.http.Response;

/** {@code GET /fhir/metadata}: the CapabilityStatement, open to anyone. */
final class MetadataHandler extends FhirHandler {
  private final CapabilityStatement statement;

  /**
   * @param claims whether the Claim and ClaimResponse endpoints are served
   */
  MetadataHandler(FhirStore store, Executor executor, String base, boolean claims) {
    super(store, executor, base);
    this.statement = CapabilityMapper.statement(claims);
  }

  @Override
  CompletionStage<Response> answer(FhirExchange ex) {
    return blocking(
        () -> {
          CapabilityStatement cs = statement.copy();
          cs.getImplementation().setUrl(ex.base());
          return ex.answer(200, cs);
        });
  }
}
