package vn.bhyt.fhir.rest;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import vn.bhyt.fhir.FhirProblem;
import vn.bhyt.fhir.FhirStore;
import vn.bhyt.fhir.ResourceIds;
import vn.bhyt.http.Response;

/**
 * {@code PUT /fhir/{type}/{id}}: stores a new version after base R4 validation; with {@code
 * If-Match: W/"n"} only when n is the current version (412 otherwise). An unknown id is created
 * with that id (201).
 */
final class UpdateHandler extends FhirHandler {
  private static final Pattern ETAG = Pattern.compile("(?:W/)?\"?([0-9]{1,9})\"?");

  UpdateHandler(FhirStore store, Executor executor, @Nullable String base) {
    super(store, executor, base);
  }

  @Override
  protected CompletionStage<Response> answer(FhirExchange ex) {
    String type = ex.writableType(FhirRoutes.WRITABLE);
    String id = ex.request().pathParam("id");
    if (!ResourceIds.valid(id)) {
      throw FhirProblem.badRequest("the id in the URL is not a valid FHIR id");
    }
    Integer expected = expectedVersion(ex.request().header("If-Match"));
    return blocking(
            () -> {
              Resource resource = ex.body(type);
              if (!id.equals(resource.getIdElement().getIdPart())) {
                throw FhirProblem.badRequest("the id in the body must equal the id in the URL");
              }
              requireValid(resource);
              return store.inTransaction(c -> store.update(c, resource, expected));
            })
        .thenApply(
            stored ->
                ex.answerWritten("1".equals(stored.getMeta().getVersionId()) ? 201 : 200, stored));
  }

  private static @Nullable Integer expectedVersion(@Nullable String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    Matcher m = ETAG.matcher(ifMatch.strip());
    if (!m.matches()) {
      throw FhirProblem.badRequest("If-Match: expected W/\"version\"");
    }
    return Integer.parseInt(m.group(1));
  }
}
