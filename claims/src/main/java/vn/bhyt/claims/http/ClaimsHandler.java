package vn.bhyt.claims.http;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import vn.bhyt.claims.assessment.AssessmentStatus;
import vn.bhyt.claims.assessment.RuleBook;
import vn.bhyt.claims.forwarding.ForwardingPage;
import vn.bhyt.claims.forwarding.ForwardingState;
import vn.bhyt.claims.forwarding.JdbcOutbox;
import vn.bhyt.claims.store.ClaimFilter;
import vn.bhyt.claims.store.ClaimPage;
import vn.bhyt.claims.store.ColumnType;
import vn.bhyt.claims.store.JdbcClaims;
import vn.bhyt.claims.store.StoredColumn;
import vn.bhyt.claims.submission.ClaimIntake;
import vn.bhyt.claims.submission.Submission;
import vn.bhyt.http.QueryParameters;
import vn.bhyt.http.Request;
import vn.bhyt.http.Response;
import vn.bhyt.persistence.Blocking;
import vn.bhyt.problem.ProblemException;
import vn.bhyt.problem.ProblemType;

/**
 * {@code POST /api/v1/claims}, {@code GET /api/v1/claims}, {@code GET /api/v1/claims/{id}} and
 * {@code GET /api/v1/rules}: transport only.
 */
public final class ClaimsHandler {
  static final int DEFAULT_SIZE = 50;
  static final int MAX_SIZE = 500;
  private static final Set<String> XML = Set.of("application/xml", "text/xml");
  private static final Set<String> SUBMIT_PARAMETERS = Set.of("correction");
  private static final Set<String> FORWARDING_PARAMETERS = Set.of("state", "page", "size");
  private static final Set<String> LIST_PARAMETERS =
      Set.of(
          "status", "from", "to", "department", "rule", "forwarding", "fundResult", "page", "size");

  private static final Set<String> FUND_RESULTS = Set.of("accepted", "partly-accepted", "rejected");

  private final ClaimIntake intake;
  private final JdbcClaims claims;
  private final JdbcOutbox outbox;
  private final RuleBook rules;
  private final Executor executor;
  private final ClaimJson json;

  public ClaimsHandler(
      ClaimIntake intake,
      JdbcClaims claims,
      JdbcOutbox outbox,
      RuleBook rules,
      Executor executor,
      ZoneId zone) {
    this.intake = intake;
    this.claims = claims;
    this.outbox = outbox;
    this.rules = rules;
    this.executor = executor;
    this.json = new ClaimJson(zone);
  }

  /**
   * Receives an envelope, read from the request's body as a stream (the gateway spools envelopes to
   * a file): 200 with one entry per dossier.
   */
  public CompletionStage<Response> submit(Request request) {
    if (!XML.contains(request.mediaType())) {
      throw new ProblemException(
          ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "send the claim envelope as application/xml or text/xml");
    }
    QueryParameters.requireKnown(request, SUBMIT_PARAMETERS);
    String correction = request.query("correction");
    ColumnType reason = StoredColumn.VERSION_CORRECTION.type();
    if (correction != null && (correction.isBlank() || !reason.holds(correction))) {
      throw badParameter(
          "'correction' must be a reason of 1 to " + reason.maxChars() + " characters");
    }
    Submission submission = new Submission(request.principal().name(), request.id(), correction);
    return intake
        .submit(request::openBody, submission)
        .thenApply(
            results ->
                Response.json(200, Map.of("claims", results.stream().map(json::result).toList())));
  }

  /** One claim with its current version and its history: 200, or 404. */
  public CompletionStage<Response> get(Request request) {
    QueryParameters.requireKnown(request, Set.of());
    String id = request.pathParam("id");
    return Blocking.offload(
        executor,
        () -> {
          var claim =
              claims
                  .find(id)
                  .orElseThrow(
                      () ->
                          new ProblemException(
                              ProblemType.CLAIM_NOT_FOUND, "no claim with this id"));
          var forwarding = outbox.current(id).orElse(null);
          var assessment =
              forwarding == null ? null : outbox.assessment(id, forwarding.version()).orElse(null);
          return Response.json(200, json.claim(claim, forwarding, assessment));
        });
  }

  /** A page of claims, newest first, with the link to the next page. */
  public CompletionStage<Response> list(Request request) {
    QueryParameters.requireKnown(request, LIST_PARAMETERS);
    ClaimFilter filter =
        new ClaimFilter(
            status(request.query("status")),
            date(request, "from"),
            date(request, "to"),
            text(request, "department"),
            rule(request.query("rule")),
            state("forwarding", request.query("forwarding")),
            fundResult(request.query("fundResult")));
    int page = number(request, "page", 1, Integer.MAX_VALUE / MAX_SIZE, 1);
    int size = number(request, "size", 1, MAX_SIZE, DEFAULT_SIZE);
    return Blocking.offload(
        executor,
        () -> {
          ClaimPage found = claims.list(filter, (page - 1) * size, size);
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("claims", found.claims().stream().map(json::summary).toList());
          body.put("page", page);
          body.put("size", size);
          body.put("total", found.total());
          body.put("next", (long) page * size < found.total() ? next(request, page + 1) : null);
          return Response.json(200, body);
        });
  }

  /**
   * Sends a dead or refused claim again: its current version goes back to {@code pending}, its file
   * unchanged. 200 with the claim's forwarding, 404 for an unknown claim, 409 when it is in another
   * state.
   */
  public CompletionStage<Response> retry(Request request) {
    QueryParameters.requireKnown(request, Set.of());
    String id = request.pathParam("claimId");
    return Blocking.offload(
        executor,
        () -> {
          if (!outbox.retry(id, java.time.Instant.now())) {
            var current =
                outbox
                    .current(id)
                    .orElseThrow(
                        () ->
                            new ProblemException(
                                ProblemType.CLAIM_NOT_FOUND, "no claim with this id"));
            throw new ProblemException(
                ProblemType.CLAIM_NOT_RETRYABLE,
                "the claim is "
                    + current.state().code()
                    + "; only a dead or refused claim is sent again");
          }
          return Response.json(200, json.forwarding(outbox.current(id).orElseThrow()));
        });
  }

  /** A page of the forwarding queue, in one state or all, queued longest first. */
  public CompletionStage<Response> forwarding(Request request) {
    QueryParameters.requireKnown(request, FORWARDING_PARAMETERS);
    ForwardingState state = state("state", request.query("state"));
    int page = number(request, "page", 1, Integer.MAX_VALUE / MAX_SIZE, 1);
    int size = number(request, "size", 1, MAX_SIZE, DEFAULT_SIZE);
    return Blocking.offload(
        executor,
        () -> {
          ForwardingPage found = outbox.list(state, (page - 1) * size, size);
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("claims", found.entries().stream().map(json::queued).toList());
          body.put("page", page);
          body.put("size", size);
          body.put("total", found.total());
          body.put(
              "next",
              (long) page * size < found.total()
                  ? next("/api/v1/forwarding?", request, page + 1)
                  : null);
          return Response.json(200, body);
        });
  }

  private static @Nullable ForwardingState state(String name, @Nullable String value) {
    if (value == null) {
      return null;
    }
    try {
      return ForwardingState.parse(value.strip());
    } catch (IllegalArgumentException e) {
      throw badParameter(
          "'"
              + name
              + "' must be one of blocked, held, returned, pending, sent, assessed, refused, dead");
    }
  }

  private static @Nullable String fundResult(@Nullable String value) {
    if (value == null) {
      return null;
    }
    if (!FUND_RESULTS.contains(value)) {
      throw badParameter("'fundResult' must be one of accepted, partly-accepted, rejected");
    }
    return value;
  }

  /** Every assessment rule, enabled or not. */
  public CompletionStage<Response> rules(Request request) {
    QueryParameters.requireKnown(request, Set.of());
    List<Map<String, Object>> listing = rules.listing().stream().map(ClaimJson::rule).toList();
    return CompletableFuture.completedFuture(Response.json(200, Map.of("rules", listing)));
  }

  private static String next(Request request, int page) {
    return next("/api/v1/claims?", request, page);
  }

  private static String next(String path, Request request, int page) {
    StringBuilder url = new StringBuilder(path);
    request
        .queryParameters()
        .forEach(
            (name, values) -> {
              if (!name.equals("page")) {
                url.append(name).append('=').append(encode(values.get(0))).append('&');
              }
            });
    return url.append("page=").append(page).toString();
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static @Nullable AssessmentStatus status(@Nullable String value) {
    if (value == null) {
      return null;
    }
    try {
      return AssessmentStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw badParameter("'status' must be accepted, flagged or rejected");
    }
  }

  /** A rule id of the rule book, enabled or not; an unknown one is refused, not an empty list. */
  private @Nullable String rule(@Nullable String value) {
    if (value == null) {
      return null;
    }
    Set<String> ids = new TreeSet<>();
    rules.listing().forEach(l -> ids.add(l.rule().id()));
    if (!ids.contains(value)) {
      throw badParameter("'rule' must be the id of a rule of GET /api/v1/rules: " + ids);
    }
    return value;
  }

  /** A visit day in the years the visit's column holds, so that the query can bind it. */
  private static @Nullable LocalDate date(Request request, String name) {
    String value = request.query(name);
    if (value == null) {
      return null;
    }
    try {
      LocalDate day = LocalDate.parse(value);
      if (StoredColumn.CLAIM_VISIT_START.type().holds(day)) {
        return day;
      }
    } catch (DateTimeException e) {
      // answered below
    }
    throw badParameter(
        "'"
            + name
            + "' must be a date yyyy-MM-dd in the years 1000-9999 (the visit date, NGAY_VAO)");
  }

  private static @Nullable String text(Request request, String name) {
    String value = request.query(name);
    if (value != null && (value.isBlank() || value.length() > 64)) {
      throw badParameter("'" + name + "' must be 1 to 64 characters");
    }
    return value;
  }

  private static int number(Request request, String name, int min, int max, int absent) {
    String value = request.query(name);
    if (value == null) {
      return absent;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw badParameter("'" + name + "' must be a whole number from " + min + " to " + max);
  }

  private static ProblemException badParameter(String detail) {
    return new ProblemException(ProblemType.BAD_PARAMETER, detail);
  }
}
