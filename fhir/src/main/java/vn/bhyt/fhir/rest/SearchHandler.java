package vn.bhyt.fhir.rest;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import vn.bhyt.fhir.FhirProblem;
import vn.bhyt.fhir.FhirStore;
import vn.bhyt.fhir.Paging;
import vn.bhyt.fhir.SearchParams;
import vn.bhyt.http.Method;
import vn.bhyt.http.Response;

/**
 * {@code GET /fhir/{type}?params} and {@code POST /fhir/{type}/_search} (parameters in a form body,
 * which keeps card numbers out of URLs and logs): a searchset Bundle with its total and paging
 * links.
 */
final class SearchHandler extends FhirHandler {
  static final String[] CONTROL = {"_count", "_offset", "_format", "_pretty"};
  private static final String FORM = "application/x-www-form-urlencoded";

  SearchHandler(FhirStore store, Executor executor, @Nullable String base) {
    super(store, executor, base);
  }

  @Override
  protected CompletionStage<Response> answer(FhirExchange ex) {
    String type = ex.type(FhirRoutes.READABLE);
    SearchParams params = params(ex);
    Paging paging = Paging.of(params);
    SearchParams filters = params.without(CONTROL);
    return blocking(() -> store.search(type, filters, paging))
        .thenApply(
            page -> ex.answer(200, BundleMapper.searchset(ex, type, filters, paging, page, now())));
  }

  private static SearchParams params(FhirExchange ex) {
    SearchParams query = SearchParams.of(ex.request().queryParameters());
    if (ex.request().method() != Method.POST) {
      return query;
    }
    if (!ex.request().mediaType().equals(FORM)) {
      throw FhirProblem.unsupportedMediaType("send the search parameters as " + FORM);
    }
    return query.with(SearchParams.parse(new String(ex.request().body(), StandardCharsets.UTF_8)));
  }
}
