package vn.bhyt.verifier.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import vn.bhyt.http.Json;
import vn.bhyt.http.QueryParameters;
import vn.bhyt.http.Request;
import vn.bhyt.problem.ProblemException;
import vn.bhyt.problem.ProblemType;
import vn.bhyt.verifier.api.CheckRequests;
import vn.bhyt.verifier.card.ImageDecodeException;
import vn.bhyt.verifier.card.QrImageDecoder;
import vn.bhyt.verifier.check.CheckRequest;

/**
 * Reads the card-check request of an HTTP request by its content type: a JSON body, scanner text,
 * or a photo of the QR (decoded on the worker executor) with the visit in query parameters. Used by
 * every route that takes a card: the card check and the check-in.
 */
public final class CheckRequestReader {
  /** The query parameters of a check from scanner text or a photo: the visit. */
  public static final Set<String> VISIT_PARAMETERS = Set.of("visitDate", "visitKind", "referral");

  private final QrImageDecoder images;
  private final Executor workers;

  public CheckRequestReader(QrImageDecoder images, Executor workers) {
    this.images = images;
    this.workers = workers;
  }

  /**
   * Reads the body into a card-check request. Text and JSON are read on the calling thread
   * (microseconds); images are decoded on the worker executor. A JSON body takes no query
   * parameters; text and images take {@link #VISIT_PARAMETERS}.
   *
   * @throws vn.bhyt.problem.ProblemException 400 for an unknown query parameter
   */
  public CompletionStage<CheckRequest> read(Request request) {
    return read(request, Set.of());
  }

  /**
   * Like {@link #read(Request)}, for a route whose text and image bodies take more parameters than
   * the visit's (checked here with them).
   */
  public CompletionStage<CheckRequest> read(Request request, Set<String> moreParameters) {
    String type = request.mediaType();
    if (type.equals("application/json")) {
      requireNoParameters(request);
    } else {
      Set<String> known = new HashSet<>(VISIT_PARAMETERS);
      known.addAll(moreParameters);
      QueryParameters.requireKnown(request, known);
    }
    return switch (type) {
      case "application/json" ->
          CompletableFuture.completedFuture(CheckRequests.fromJson(jsonObject(request.body())));
      case "text/plain" ->
          CompletableFuture.completedFuture(
              CheckRequests.fromScan(text(request.body()), request::query));
      case "image/png", "image/jpeg" -> {
        requireBody(request.body());
        yield CompletableFuture.supplyAsync(() -> decode(request.body()), workers)
            .thenApply(qr -> CheckRequests.fromScan(qr, request::query));
      }
      default ->
          throw new ProblemException(
              ProblemType.UNSUPPORTED_MEDIA_TYPE,
              "send application/json, text/plain, image/png or image/jpeg");
    };
  }

  /**
   * Refuses query parameters beside a JSON body, whose visit goes in the body.
   *
   * @throws ProblemException 400 {@code GEN-0008} when the request has any
   */
  public static void requireNoParameters(Request request) {
    if (!request.queryParameters().isEmpty()) {
      throw new ProblemException(
          ProblemType.BAD_PARAMETER,
          "with a JSON body, send the visit's fields in the body; query parameters go with"
              + " scanner text and photos");
    }
  }

  /** Parses a JSON body's tree, failing on an empty body and on anything but one JSON object. */
  public static JsonNode jsonObject(byte[] body) {
    requireBody(body);
    JsonNode node;
    try {
      node = Json.readTree(body);
    } catch (IOException e) {
      throw new ProblemException(
          ProblemType.MALFORMED_JSON, "the body is not one well-formed JSON document in UTF-8");
    }
    if (!node.isObject()) {
      throw new ProblemException(ProblemType.INVALID_JSON_FIELDS, "the body must be a JSON object");
    }
    return node;
  }

  /** A non-empty body as strict UTF-8 text. */
  public static String text(byte[] body) {
    requireBody(body);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ProblemException(ProblemType.INVALID_TEXT, "the body is not valid UTF-8 text");
    }
  }

  private static void requireBody(byte[] body) {
    if (body.length == 0) {
      throw new ProblemException(ProblemType.EMPTY_BODY, "the request has no body");
    }
  }

  private String decode(byte[] image) {
    try {
      return images.decode(image);
    } catch (ImageDecodeException e) {
      ProblemType type =
          switch (e.reason()) {
            case UNREADABLE -> ProblemType.UNREADABLE_IMAGE;
            case NO_QR_CODE -> ProblemType.NO_QR_CODE;
            case TOO_LARGE -> ProblemType.IMAGE_TOO_LARGE;
            case BUSY -> ProblemType.UNAVAILABLE;
          };
      throw new ProblemException(
          type, Objects.requireNonNullElse(e.getMessage(), "the image could not be read"));
    }
  }
}
