package vn.bhyt.verifier.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import vn.bhyt.http.Request;
import vn.bhyt.http.Response;
import vn.bhyt.http.RouteHandler;
import vn.bhyt.problem.ProblemException;
import vn.bhyt.problem.ProblemType;
import vn.bhyt.verifier.card.ImageDecodeException;
import vn.bhyt.verifier.card.QrImageDecoder;
import vn.bhyt.verifier.check.CardCheckService;
import vn.bhyt.verifier.check.CheckRequest;

/**
 * {@code POST /api/v1/cards/verify}: a card check from JSON, scanner text or a photo of the QR.
 *
 * <p>Text and JSON are read on the event loop (microseconds); images are decoded on the worker
 * executor.
 */
public final class VerifyHandler implements RouteHandler {
  private final CardCheckService service;
  private final QrImageDecoder images;
  private final Executor workers;

  public VerifyHandler(CardCheckService service, QrImageDecoder images, Executor workers) {
    this.service = service;
    this.images = images;
    this.workers = workers;
  }

  @Override
  public CompletionStage<Response> handle(Request request) {
    return read(request)
        .thenCompose(check -> service.check(check, request.principal().name()))
        .thenApply(result -> Response.json(200, CheckAnswer.of(result, request.language())));
  }

  /** Reads the request's body into a card-check request, by content type. */
  public CompletionStage<CheckRequest> read(Request request) {
    String type = request.mediaType();
    switch (type) {
      case "application/json":
        return CompletableFuture.completedFuture(
            CheckRequests.fromJson(CheckRequests.jsonObject(request.body())));
      case "text/plain":
        return CompletableFuture.completedFuture(CheckRequests.fromText(request.body(), request));
      case "image/png":
      case "image/jpeg":
        CheckRequests.requireBody(request.body());
        return CompletableFuture.supplyAsync(() -> decode(request.body()), workers)
            .thenApply(text -> CheckRequests.fromScan(text, request));
      default:
        throw new ProblemException(
            ProblemType.UNSUPPORTED_MEDIA_TYPE,
            "send application/json, text/plain, image/png or image/jpeg");
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
          };
      throw new ProblemException(type, e.getMessage());
    }
  }
}
