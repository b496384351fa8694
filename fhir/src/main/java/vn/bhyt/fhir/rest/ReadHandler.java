package vn.bhyt.fhir.rest;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import vn.bhyt.fhir.FhirProblem;
import vn.bhyt.fhir.FhirStore;
import vn.bhyt.fhir.StoredJson;
import vn.bhyt.http.Response;

/**
 * {@code GET /fhir/{type}/{id}} and {@code GET /fhir/{type}/{id}/_history/{vid}}: the current or
 * one version of a resource, with its ETag, Last-Modified and versioned Content-Location. A plain
 * JSON read of the current version answers the stored JSON as it is, from the store's cache when it
 * has it, without leaving the event loop.
 */
final class ReadHandler extends FhirHandler {
  ReadHandler(FhirStore store, Executor executor, @Nullable String base) {
    super(store, executor, base);
  }

  @Override
  protected CompletionStage<Response> answer(FhirExchange ex) {
    String type = ex.type(FhirRoutes.READABLE);
    String id = ex.request().pathParam("id");
    String vid = ex.request().optionalPathParam("vid");
    if (vid == null && ex.plainJson()) {
      Optional<StoredJson> cached = store.cachedJson(type, id);
      if (cached.isPresent()) {
        return CompletableFuture.completedFuture(ex.answerStoredJson(200, cached.get()));
      }
      return blocking(() -> store.currentJson(type, id))
          .thenApply(found -> ex.answerStoredJson(200, found.orElseThrow(() -> missing(type))));
    }
    if (vid == null) {
      return blocking(() -> store.read(type, id))
          .thenApply(
              found ->
                  ex.answerStored(
                      200,
                      found.orElseThrow(
                          () -> FhirProblem.notFound("no " + type + " has this id"))));
    }
    int version = version(vid);
    return blocking(() -> store.vread(type, id, version))
        .thenApply(
            found ->
                ex.answerStored(
                    200,
                    found.orElseThrow(
                        () -> FhirProblem.notFound("no such version of a " + type + " here"))));
  }

  private static FhirProblem missing(String type) {
    return FhirProblem.notFound("no " + type + " has this id");
  }

  private static int version(String vid) {
    if (!vid.matches("[1-9][0-9]{0,8}")) {
      throw FhirProblem.notFound("versions are whole numbers from 1");
    }
    return Integer.parseInt(vid);
  }
}
