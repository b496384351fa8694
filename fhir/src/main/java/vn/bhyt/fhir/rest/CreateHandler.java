package vn.bhyt.fhir.rest;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import vn.bhyt.fhir.Created;
import vn.bhyt.fhir.FhirStore;
import vn.bhyt.http.Response;

/**
 * {@code POST /fhir/{type}}: stores a new resource after base R4 validation (422 when invalid): 201
 * with its Location; with {@code If-None-Exist}, 200 with the one resource that already matches, or
 * 412 when several do.
 */
final class CreateHandler extends FhirHandler {
  CreateHandler(FhirStore store, Executor executor, @Nullable String base) {
    super(store, executor, base);
  }

  @Override
  protected CompletionStage<Response> answer(FhirExchange ex) {
    String type = ex.writableType(FhirRoutes.WRITABLE);
    String criteria = ex.request().header("If-None-Exist");
    return blocking(
            () -> {
              Resource resource = ex.body(type);
              requireValid(resource);
              return store.inTransaction(
                  c ->
                      criteria == null
                          ? new Created<>(store.create(c, resource), true)
                          : store.createIfNoneExist(c, resource, criteria));
            })
        .thenApply(created -> ex.answerWritten(created.created() ? 201 : 200, created.resource()));
  }
}
