package vn.bhyt.fhir.rest;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import vn.bhyt.auth.Role;
import vn.bhyt.fhir.EligibilityService;
import vn.bhyt.fhir.FhirStore;
import vn.bhyt.fhir.FhirValidation;
import vn.bhyt.fhir.SearchCatalog;
import vn.bhyt.http.Method;
import vn.bhyt.http.Router;

/**
 * The FHIR R4 REST API under {@code /fhir}, registered on the gateway's router. Reads, searches and
 * {@code $validate} need a reception, billing, inspector or admin token; writes and eligibility
 * checks a reception or admin token; {@code /fhir/metadata} none. Other modules contribute
 * endpoints of their own ({@link FhirContribution}). Every failure under {@code /fhir} is answered
 * with an OperationOutcome.
 */
public final class FhirRoutes {
  /** The resource types that can be read, searched and their history listed. */
  static final Set<String> READABLE = SearchCatalog.types();

  /** The resource types that can be created and updated. */
  static final Set<String> WRITABLE = Set.of("Patient", "Encounter");

  /** The resource types {@code $validate} accepts. */
  static final Set<String> VALIDATABLE = validatable();

  private static final Set<Role> READERS = EnumSet.of(Role.RECEPTION, Role.BILLING, Role.INSPECTOR);
  private static final Set<Role> WRITERS = EnumSet.of(Role.RECEPTION);

  private FhirRoutes() {}

  /** Registers the API with URLs built from each request's {@code Host} header. */
  public static Router register(
      Router router, FhirStore store, Executor executor, EligibilityService eligibility) {
    return register(router, store, executor, eligibility, null);
  }

  /**
   * Registers the API and starts loading the validator on the executor, so that the first write
   * does not wait for it.
   *
   * @param executor the workers that run database work and validation, never the event loop
   * @param baseUrl the API's public base URL ({@code https://gw.example/fhir}) for links and
   *     Location headers, or null to build it from each request's {@code Host} header
   */
  public static Router register(
      Router router,
      FhirStore store,
      Executor executor,
      EligibilityService eligibility,
      @Nullable String baseUrl) {
    return register(router, store, executor, eligibility, baseUrl, List.of());
  }

  /**
   * Registers the API with the endpoints other modules contribute, matched before the generic ones.
   */
  public static Router register(
      Router router,
      FhirStore store,
      Executor executor,
      EligibilityService eligibility,
      @Nullable String baseUrl,
      List<FhirContribution> contributions) {
    String base = baseUrl == null ? null : baseUrl.replaceAll("/+$", "");
    executor.execute(FhirValidation::r4);
    FhirApi api = new FhirApi(store, executor, base);
    for (FhirContribution contribution : contributions) {
      contribution.addRoutes(router, api);
    }
    ReadHandler read = new ReadHandler(store, executor, base);
    SearchHandler search = new SearchHandler(store, executor, base);
    ValidateHandler validate = new ValidateHandler(store, executor, base);
    return router
        .open(
            Method.GET, "/fhir/metadata", new MetadataHandler(store, executor, base, contributions))
        .add(
            Method.POST,
            "/fhir/CoverageEligibilityRequest",
            WRITERS,
            new EligibilityHandler(store, executor, base, eligibility))
        .add(Method.GET, "/fhir/{type}", READERS, search)
        .add(Method.POST, "/fhir/{type}/_search", READERS, search)
        .add(Method.POST, "/fhir/{type}/$validate", READERS, validate)
        .add(Method.POST, "/fhir/{type}", WRITERS, new CreateHandler(store, executor, base))
        .add(Method.GET, "/fhir/{type}/{id}", READERS, read)
        .add(Method.PUT, "/fhir/{type}/{id}", WRITERS, new UpdateHandler(store, executor, base))
        .add(
            Method.GET,
            "/fhir/{type}/{id}/_history",
            READERS,
            new HistoryHandler(store, executor, base))
        .add(Method.POST, "/fhir/{type}/{id}/$validate", READERS, validate)
        .add(Method.GET, "/fhir/{type}/{id}/_history/{vid}", READERS, read)
        .renderFailures("/fhir", OperationOutcomes::render);
  }

  private static Set<String> validatable() {
    Set<String> types = new LinkedHashSet<>(READABLE);
    types.add("CoverageEligibilityRequest");
    return Set.copyOf(types);
  }
}
