package vn.bhyt.fhir.rest;

import java.util.Date;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import vn.bhyt.fhir.FhirProblem;
import vn.bhyt.fhir.FhirStore;
import vn.bhyt.fhir.FhirValidation;
import vn.bhyt.http.QueryParameters;
import vn.bhyt.http.Request;
import vn.bhyt.http.Response;
import vn.bhyt.http.RouteHandler;
import vn.bhyt.persistence.Blocking;
import vn.bhyt.persistence.MariaDbErrors;
import vn.bhyt.problem.ProblemException;

/**
 * The base of the FHIR handlers: negotiates the answer's format, runs slow work on the workers and
 * answers the API's failures as OperationOutcomes. Other failures go to the kernel, whose renderer
 * under {@code /fhir} answers them as OperationOutcomes too (500, 503).
 */
public abstract class FhirHandler implements RouteHandler {
  /** The parameters every interaction takes: the answer's format. */
  protected static final Set<String> FORMAT_PARAMETERS = Set.of("_format", "_pretty");

  final FhirStore store;
  final Executor executor;
  private final @Nullable String base;

  /** A handler of the API's own, built on its parts one by one. */
  FhirHandler(FhirStore store, Executor executor, @Nullable String base) {
    this.store = store;
    this.executor = executor;
    this.base = base;
  }

  /** The time an answer is made, by the store's clock. */
  @SuppressWarnings("JavaUtilDate") // HAPI's model takes java.util.Date
  protected final Date now() {
    return Date.from(store.clock().instant());
  }

  /** A handler of an endpoint another module contributes. */
  protected FhirHandler(FhirApi api) {
    this(api.store(), api.executor(), api.base());
  }

  @Override
  public final CompletionStage<Response> handle(Request request) {
    FhirExchange ex;
    try {
      ex = FhirExchange.of(request, store.context(), base);
    } catch (FhirProblem p) {
      return CompletableFuture.completedFuture(OperationOutcomes.answer(p, FhirFormat.JSON));
    }
    Set<String> known = parameters(request);
    if (known != null) {
      try {
        QueryParameters.requireKnown(request, known);
      } catch (ProblemException e) {
        return CompletableFuture.completedFuture(
            ex.failure(FhirProblem.badRequest(String.valueOf(e.detail()))));
      }
    }
    CompletionStage<Response> answer;
    try {
      answer = answer(ex);
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    return answer.exceptionallyCompose(e -> recover(ex, e));
  }

  /**
   * The query parameters the request's interaction takes, so that any other is a 400 rather than
   * silently ignored; null when the handler checks them itself (searches). Reads, creates, updates
   * and operations take only {@code _format} and {@code _pretty}.
   */
  protected @Nullable Set<String> parameters(Request request) {
    return FORMAT_PARAMETERS;
  }

  /** Answers a request; may throw {@link FhirProblem}, also from the returned stage. */
  protected abstract CompletionStage<Response> answer(FhirExchange ex);

  /** Runs work that blocks or takes time (parsing, validation, the database) on the workers. */
  protected <R> CompletableFuture<R> blocking(Blocking<R> work) {
    return Blocking.offload(executor, work);
  }

  /**
   * Validates a resource against base R4.
   *
   * @throws FhirProblem 422 with the errors when it has any
   */
  protected static void requireValid(Resource resource) {
    OperationOutcome outcome = FhirValidation.validate(resource);
    if (FhirValidation.hasErrors(outcome)) {
      throw FhirProblem.unprocessable(OperationOutcomes.withoutValues(outcome, resource, true));
    }
  }

  private static CompletionStage<Response> recover(FhirExchange ex, Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof FhirProblem p) {
      return CompletableFuture.completedFuture(ex.failure(p));
    }
    if (MariaDbErrors.isConflict(cause)) {
      return CompletableFuture.completedFuture(
          ex.failure(FhirProblem.conflict("a concurrent change got in the way; try again")));
    }
    return CompletableFuture.failedFuture(cause);
  }
}
