package vn.bhyt.fhir.rest;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.jspecify.annotations.Nullable;
import vn.bhyt.fhir.FhirProblem;
import vn.bhyt.http.Request;
import vn.bhyt.http.Response;

/** The two formats of FHIR resources the API reads and writes, and how a request picks them. */
enum FhirFormat {
  JSON(
      "application/fhir+json",
      Set.of("json", "application/fhir+json", "application/json", "application/json+fhir")),
  XML(
      "application/fhir+xml",
      Set.of("xml", "application/fhir+xml", "application/xml", "application/xml+fhir", "text/xml"));

  private final String mime;

  @SuppressWarnings("ImmutableEnumChecker") // Set.of: unmodifiable
  private final Set<String> names;

  FhirFormat(String mime, Set<String> names) {
    this.mime = mime;
    this.names = names;
  }

  String mime() {
    return mime;
  }

  IParser parser(FhirContext ctx) {
    return this == JSON ? ctx.newJsonParser() : ctx.newXmlParser();
  }

  /** A response carrying a resource in this format. */
  Response response(int status, FhirContext ctx, IBaseResource resource, boolean pretty) {
    byte[] body =
        parser(ctx)
            .setPrettyPrint(pretty)
            .encodeResourceToString(resource)
            .getBytes(StandardCharsets.UTF_8);
    return new Response(status, mime + "; charset=utf-8", body, java.util.Map.of());
  }

  /**
   * The format of the answer: {@code _format} when given, else the best of {@code Accept}, else
   * JSON.
   *
   * @throws FhirProblem 400 when {@code _format} names no FHIR format
   */
  static FhirFormat ofAnswer(Request request) {
    String format = request.query("_format");
    if (format != null) {
      return named(format.strip().replace(' ', '+'))
          .orElseThrow(
              () -> FhirProblem.badRequest("_format: expected json, xml or a FHIR media type"));
    }
    return fromAccept(request.header("Accept"));
  }

  /** The format of the answer, JSON when the request's choice is not one. */
  static FhirFormat ofAnswerOrJson(Request request) {
    try {
      return ofAnswer(request);
    } catch (FhirProblem e) {
      return JSON;
    }
  }

  /**
   * The format of the request's body, by its {@code Content-Type}.
   *
   * @throws FhirProblem 415 for any other content type
   */
  static FhirFormat ofBody(Request request) {
    String type = request.mediaType();
    return named(type)
        .filter(f -> type.contains("/"))
        .orElseThrow(
            () ->
                FhirProblem.unsupportedMediaType(
                    "send the resource as application/fhir+json or application/fhir+xml"));
  }

  static FhirFormat fromAccept(@Nullable String accept) {
    if (accept == null) {
      return JSON;
    }
    FhirFormat best = null;
    double bestQuality = 0;
    for (String range : accept.split(",", -1)) {
      String[] parts = range.split(";");
      String type = parts[0].strip().toLowerCase(Locale.ROOT);
      FhirFormat f =
          named(type).orElse(type.equals("*/*") || type.equals("application/*") ? JSON : null);
      double quality = quality(parts);
      if (f != null && quality > bestQuality) {
        best = f;
        bestQuality = quality;
      }
    }
    return best == null ? JSON : best;
  }

  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].strip();
      if (p.startsWith("q=")) {
        try {
          return Double.parseDouble(p.substring(2));
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }

  private static Optional<FhirFormat> named(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (FhirFormat f : values()) {
      if (f.names.contains(n)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
