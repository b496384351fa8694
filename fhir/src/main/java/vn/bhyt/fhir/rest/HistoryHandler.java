package vn.bhyt.fhir.rest;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import vn.bhyt.fhir.FhirProblem;
import vn.bhyt.fhir.FhirStore;
import vn.bhyt.http.Response;

/** {@code GET /fhir/{type}/{id}/_history}: every version of a resource, newest first. */
final class HistoryHandler extends FhirHandler {
  HistoryHandler(FhirStore store, Executor executor, @Nullable String base) {
    super(store, executor, base);
  }

  @Override
  protected CompletionStage<Response> answer(FhirExchange ex) {
    String type = ex.type(FhirRoutes.READABLE);
    String id = ex.request().pathParam("id");
    return blocking(() -> store.history(type, id))
        .thenApply(
            versions -> {
              if (versions.isEmpty()) {
                throw FhirProblem.notFound("no " + type + " has this id");
              }
              return ex.answer(200, BundleMapper.history(ex, type, id, versions, now()));
            });
  }
}
