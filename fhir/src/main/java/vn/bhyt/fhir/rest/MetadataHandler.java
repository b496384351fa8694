package vn.bhyt.fhir.rest;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.jspecify.annotations.Nullable;
import vn.bhyt.fhir.FhirStore;
import vn.bhyt.http.Response;

/** {@code GET /fhir/metadata}: the CapabilityStatement, open to anyone. */
final class MetadataHandler extends FhirHandler {
  private final CapabilityStatement statement;

  /**
   * @param contributions the endpoints other modules add, listed after the API's own
   */
  MetadataHandler(
      FhirStore store,
      Executor executor,
      @Nullable String base,
      List<FhirContribution> contributions) {
    super(store, executor, base);
    this.statement = CapabilityMapper.statement(contributions, now());
  }

  @Override
  protected CompletionStage<Response> answer(FhirExchange ex) {
    return blocking(
        () -> {
          CapabilityStatement cs = statement.copy();
          cs.getImplementation().setUrl(ex.base());
          return ex.answer(200, cs);
        });
  }
}
