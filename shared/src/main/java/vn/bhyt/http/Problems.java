package vn.bhyt.http;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bhyt.problem.ProblemException;
import vn.bhyt.problem.ProblemType;

/**
 * The one mapping from a failure to its problem document (RFC 9457).
 *
 * <p>A 4xx is logged as one WARN line without a stack trace, a 5xx as ERROR with it; the client
 * never sees a stack trace, SQL or patient data.
 */
public final class Problems {
  private static final Logger log = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  /** The response for a failure while answering a request. */
  public static Response toResponse(Throwable failure, String requestId) {
    ProblemException p = classify(failure, requestId);
    return response(p.type(), p.detail(), p.extensions(), requestId);
  }

  /**
   * The problem to answer for a failure while answering a request, logged: a {@link
   * ProblemException} as it is, an unreachable database as 503, anything else as 500.
   */
  public static ProblemException classify(Throwable failure, String requestId) {
    Throwable cause = unwrap(failure);
    if (cause instanceof ProblemException p) {
      log.warn(
          "request {} answered {} {}: {}",
          requestId,
          p.type().status(),
          p.type().code(),
          p.detail());
      return p;
    }
    if (isDatabaseDown(cause)) {
      log.error("request {}: database unavailable", requestId, cause);
      return new ProblemException(
          ProblemType.UNAVAILABLE, "the database is not reachable; try again shortly");
    }
    log.error("request {} failed", requestId, cause);
    return new ProblemException(
        ProblemType.INTERNAL_ERROR,
        "the gateway could not answer; the error is logged as request " + requestId);
  }

  /** A problem document. */
  public static Response response(
      ProblemType type, @Nullable String detail, Map<String, Object> extensions, String requestId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type.uri());
    body.put("title", type.title());
    body.put("status", type.status());
    body.put("detail", detail);
    body.put("code", type.code());
    body.put("requestId", requestId);
    body.putAll(extensions);
    return new Response(type.status(), Response.PROBLEM_JSON, Json.write(body), Map.of());
  }

  private static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  private static boolean isDatabaseDown(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SQLTransientException) {
        return true;
      }
      if (c instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("08")) {
        return true;
      }
    }
    return false;
  }
}
