package vn.bhyt.fhir.rest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import vn.bhyt.fhir.FhirProblem;
import vn.bhyt.fhir.FhirStore;
import vn.bhyt.fhir.Paging;
import vn.bhyt.fhir.SearchParams;
import vn.bhyt.http.Method;
import vn.bhyt.http.Request;
import vn.bhyt.http.Response;

/**
 * {@code GET /fhir/{type}?params} and {@code POST /fhir/{type}/_search} (parameters in a form body,
 * which keeps card numbers out of URLs and logs): a searchset Bundle with its total and paging
 * links. The links of a POST search carry no search parameter but {@code _getpages}, the id of its
 * parameters kept on the server for 30 minutes after their last use.
 */
final class SearchHandler extends FhirHandler {
  private static final String FORM = "application/x-www-form-urlencoded";

  /** The parameter of the paging links of a POST search: the id of its kept parameters. */
  static final String PAGES = "_getpages";

  static final String[] CONTROL = {"_count", "_offset", "_format", "_pretty", PAGES};

  /**
   * The parameters of POST searches, by a random id their paging links carry instead of them, so
   * that card numbers kept out of the request's URL stay out of the answer's links too.
   */
  private final Cache<String, SearchParams> kept =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterAccess(Duration.ofMinutes(30)).build();

  SearchHandler(FhirStore store, Executor executor, @Nullable String base) {
    super(store, executor, base);
  }

  /** A search checks its parameters itself ({@code SearchParams}). */
  @Override
  protected @Nullable Set<String> parameters(Request request) {
    return null;
  }

  @Override
  protected CompletionStage<Response> answer(FhirExchange ex) {
    String type = ex.type(FhirRoutes.READABLE);
    SearchParams params = params(ex);
    Paging paging = Paging.of(params);
    String pages = params.first(PAGES).orElse(null);
    SearchParams filters;
    SearchParams links;
    if (pages != null) {
      filters = kept.getIfPresent(type + "/" + pages);
      if (filters == null) {
        throw FhirProblem.notFound("the search of these pages has expired; search again");
      }
      links = SearchParams.of(PAGES, pages);
    } else {
      filters = params.without(CONTROL);
      links = filters;
      if (ex.request().method() == Method.POST) {
        String id = UUID.randomUUID().toString();
        kept.put(type + "/" + id, filters);
        links = SearchParams.of(PAGES, id);
      }
    }
    SearchParams search = filters;
    SearchParams linked = links;
    return blocking(() -> store.search(type, search, paging))
        .thenApply(
            page -> ex.answer(200, BundleMapper.searchset(ex, type, linked, paging, page, now())));
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
