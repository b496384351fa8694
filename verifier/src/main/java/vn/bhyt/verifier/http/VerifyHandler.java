package vn.bhyt.verifier.http;

import java.util.concurrent.CompletionStage;
import vn.bhyt.http.Request;
import vn.bhyt.http.Response;
import vn.bhyt.http.RouteHandler;
import vn.bhyt.verifier.api.CheckAnswer;
import vn.bhyt.verifier.check.CardCheckService;

/**
 * {@code POST /api/v1/cards/verify}: a card check from JSON, scanner text or a photo of the QR,
 * answered in the caller's language.
 */
public final class VerifyHandler implements RouteHandler {
  private final CardCheckService service;
  private final CheckRequestReader requests;

  public VerifyHandler(CardCheckService service, CheckRequestReader requests) {
    this.service = service;
    this.requests = requests;
  }

  @Override
  public CompletionStage<Response> handle(Request request) {
    return requests
        .read(request)
        .thenCompose(check -> service.check(check, request.principal()))
        .thenApply(result -> Response.json(200, CheckAnswer.of(result, request.language())));
  }
}
