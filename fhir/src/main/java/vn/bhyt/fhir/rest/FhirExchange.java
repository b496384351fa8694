package vn.bhyt.fhir.rest;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bhyt.fhir.FhirProblem;
import vn.bhyt.fhir.StoredJson;
import vn.bhyt.http.Request;
import vn.bhyt.http.Response;

/**
 * One FHIR request being answered: the request, the format of the answer, the server's base URL
 * (configured, or from the {@code Host} header).
 */
public final class FhirExchange {
  private static final Logger log = LoggerFactory.getLogger(FhirExchange.class);
  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?");

  private final Request request;
  private final FhirFormat format;
  private final String base;
  private final FhirContext ctx;

  private FhirExchange(Request request, FhirFormat format, String base, FhirContext ctx) {
    this.request = request;
    this.format = format;
    this.base = base;
    this.ctx = ctx;
  }

  /**
   * Starts answering a request.
   *
   * @param configuredBase the base URL ({@code https://gw.example/fhir}), or null to build it from
   *     the request's {@code Host}
   * @throws FhirProblem 400 for an unknown {@code _format}
   */
  static FhirExchange of(Request request, FhirContext ctx, @Nullable String configuredBase) {
    String base = configuredBase != null ? configuredBase : baseFromHost(request);
    return new FhirExchange(request, FhirFormat.ofAnswer(request), base, ctx);
  }

  public Request request() {
    return request;
  }

  public String base() {
    return base;
  }

  FhirContext ctx() {
    return ctx;
  }

  /**
   * The resource type of the path.
   *
   * @throws FhirProblem 404 when it is not one of the supported types
   */
  String type(Set<String> supported) {
    String type = request.pathParam("type");
    if (!supported.contains(type)) {
      throw FhirProblem.notFound(
          isResourceType(type)
              ? "this server does not serve " + type + " here"
              : "not a FHIR R4 resource type");
    }
    return type;
  }

  boolean isResourceType(String type) {
    return ctx.getResourceTypes().contains(type);
  }

  /**
   * The resource type of the path, for a create or an update.
   *
   * @throws FhirProblem 404 when it is not a resource type, 405 when it is not writable here
   */
  String writableType(Set<String> writable) {
    String type = request.pathParam("type");
    if (!isResourceType(type)) {
      throw FhirProblem.notFound("not a FHIR R4 resource type");
    }
    if (!writable.contains(type)) {
      throw FhirProblem.notAllowed(type + " resources cannot be created or updated here");
    }
    return type;
  }

  /**
   * The resource in the body, of a type.
   *
   * @throws FhirProblem 415 for a content type that is not FHIR, 400 for a body that is not a
   *     resource of the type
   */
  public Resource body(String expectedType) {
    Resource resource = body();
    if (!resource.fhirType().equals(expectedType)) {
      throw FhirProblem.badRequest("the body must be a " + expectedType + " resource");
    }
    return resource;
  }

  /**
   * The resource in the body, read strictly ({@link ResourceReader}): wrong JSON types, unknown
   * elements and invalid values are errors.
   *
   * @throws FhirProblem 415 for a content type that is not FHIR, 400 for a body that is not a
   *     resource, with issues that say what could not be read and where
   */
  Resource body() {
    FhirFormat bodyFormat = FhirFormat.ofBody(request);
    if (request.body().length == 0) {
      throw FhirProblem.badRequest("the body is empty");
    }
    return ResourceReader.read(ctx, bodyFormat, request.body());
  }

  /**
   * The answer to a create or an update: the stored resource (or, as {@code Prefer} asks, nothing
   * or an OperationOutcome) with its version's headers, and its {@code Location} when created.
   */
  Response answerWritten(int status, Resource stored) {
    String prefer = request.header("Prefer");
    Response r = answerStored(status, stored);
    if (prefer != null && prefer.contains("return=minimal")) {
      r = new Response(status, r.contentType(), new byte[0], r.headers());
    } else if (prefer != null && prefer.contains("return=OperationOutcome")) {
      OperationOutcome oo = new OperationOutcome();
      oo.addIssue()
          .setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
          .setCode(OperationOutcome.IssueType.INFORMATIONAL)
          .setDiagnostics("stored as version " + stored.getMeta().getVersionId());
      r = new Response(status, r.contentType(), answer(status, oo).body(), r.headers());
    }
    return status == 201 ? r.withHeader("Location", versionUrl(stored)) : r;
  }

  /** An answer carrying a resource. */
  public Response answer(int status, IBaseResource resource) {
    return format.response(
        status, ctx, resource, "true".equalsIgnoreCase(request.query("_pretty")));
  }

  /** An answer carrying a stored resource, with its version's ETag and Last-Modified. */
  Response answerStored(int status, Resource resource) {
    Response r =
        answer(status, resource)
            .withHeader("ETag", "W/\"" + resource.getMeta().getVersionId() + "\"")
            .withHeader("Content-Location", versionUrl(resource));
    if (resource.getMeta().hasLastUpdated()) {
      r =
          r.withHeader(
              "Last-Modified",
              DateTimeFormatter.RFC_1123_DATE_TIME.format(
                  resource.getMeta().getLastUpdated().toInstant().atOffset(ZoneOffset.UTC)));
    }
    return r;
  }

  /** Whether the answer may be a stored version's JSON as it is: JSON, not pretty-printed. */
  boolean plainJson() {
    return format == FhirFormat.JSON && !"true".equalsIgnoreCase(request.query("_pretty"));
  }

  /**
   * An answer carrying a stored version's JSON as it is, with the headers of {@link #answerStored}:
   * the same body that encoding the parsed resource would give.
   */
  Response answerStoredJson(int status, StoredJson stored) {
    return new Response(
            status,
            FhirFormat.JSON.mime() + "; charset=utf-8",
            stored.json().getBytes(StandardCharsets.UTF_8),
            Map.of())
        .withHeader("ETag", "W/\"" + stored.version() + "\"")
        .withHeader(
            "Content-Location", url(stored.type(), stored.id()) + "/_history/" + stored.version())
        .withHeader(
            "Last-Modified",
            DateTimeFormatter.RFC_1123_DATE_TIME.format(
                stored.lastUpdated().atOffset(ZoneOffset.UTC)));
  }

  /** The answer for a problem, logged as one line without patient data. */
  public Response failure(FhirProblem problem) {
    log.warn(
        "request {} answered {} {}: {}",
        request.id(),
        problem.status(),
        problem.code().toCode(),
        problem.diagnostics());
    return OperationOutcomes.answer(problem, format);
  }

  /** The URL of a resource: {@code base/Type/id}. */
  public String url(String type, String id) {
    return base + "/" + type + "/" + id;
  }

  /** The URL of a stored resource's version: {@code base/Type/id/_history/v}. */
  String versionUrl(Resource resource) {
    return url(resource.fhirType(), resource.getIdElement().getIdPart())
        + "/_history/"
        + resource.getMeta().getVersionId();
  }

  private static String baseFromHost(Request request) {
    String host = request.header("Host");
    if (host == null || !HOST.matcher(host).matches()) {
      host = "localhost";
    }
    String scheme =
        "https".equalsIgnoreCase(request.header("X-Forwarded-Proto")) ? "https" : "http";
    return scheme + "://" + host + "/fhir";
  }
}
