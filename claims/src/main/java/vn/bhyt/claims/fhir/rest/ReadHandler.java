package vn.bhyt.claims.fhir.rest;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import vn.bhyt.claims.fhir.FhirProblem;
import vn.bhyt.claims.fhir.FhirStore;
import vn.bhyt.http.Response;

/**
 * {@code GET /fhir/{type}/{id}} and {@code GET /fhir/{type}/{id}/_history/{vid}}: the current or
 * one version of a resource, with its ETag, Last-Modified and versioned Content-Location.
 */
final class ReadHandler extends FhirHandler {
  ReadHandler(FhirStore store, Executor executor, String base) {
    super(store, executor, base);
  }

  @Override
  CompletionStage<Response> answer(FhirExchange ex) {
    String type = ex.type(FhirRoutes.READABLE);
    String id = ex.request().pathParam("id");
    String vid = ex.request().pathParam("vid");
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

  private static int version(String vid) {
    if (!vid.matches("[1-9][0-9]{0,8}")) {
      throw FhirProblem.notFound("versions are whole numbers from 1");
    }
    return Integer.parseInt(vid);
  }
}
