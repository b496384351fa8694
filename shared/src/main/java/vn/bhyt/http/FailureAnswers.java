package vn.bhyt.http;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bhyt.problem.ProblemException;

/**
 * The failure answers of one server: a problem document, or what the {@link FailureRenderer} of the
 * request's path writes ({@code /fhir}: an OperationOutcome), for the dispatcher and for the body
 * handlers that answer before a request reaches it (413).
 */
final class FailureAnswers {
  private static final Logger log = LoggerFactory.getLogger(FailureAnswers.class);

  private final Router router;

  FailureAnswers(Router router) {
    this.router = router;
  }

  /** Answers with problem documents only, whatever the path. */
  static FailureAnswers problemsOnly() {
    return new FailureAnswers(new Router());
  }

  /** The answer for a failure while answering a request. */
  Response render(Throwable failure, Request request) {
    FailureRenderer renderer = router.failureRenderer(request.path());
    if (renderer == null) {
      return Problems.toResponse(failure, request.id());
    }
    ProblemException problem = Problems.classify(failure, request.id());
    try {
      return renderer.render(problem, request);
    } catch (RuntimeException e) {
      log.error("request {}: the failure renderer failed", request.id(), e);
      return Problems.response(
          problem.type(), problem.detail(), problem.extensions(), request.id());
    }
  }

  /**
   * The answer for a problem found in a request's head, before its body was read, as a Netty
   * response with its request id.
   */
  FullHttpResponse render(ProblemException problem, HttpRequest head) {
    String id = RequestIds.from(head.headers().get("X-Request-Id"));
    Method known = Method.named(head.method().name());
    Request unrouted =
        new Request(
            id,
            known == null ? Method.GET : known,
            rawPath(head.uri()),
            Map.of(),
            head.headers()::get,
            new byte[0],
            Map.of(),
            null);
    return toNetty(render(problem, unrouted), id);
  }

  /** A response as Netty writes it, with its request id. */
  static FullHttpResponse toNetty(Response r, String id) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(r.status()),
            Unpooled.wrappedBuffer(r.body()));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, r.contentType());
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, r.body().length);
    response.headers().set("X-Request-Id", id);
    r.headers().forEach(response.headers()::set);
    return response;
  }

  /** The path of a URI as sent, before its query and fragment, without decoding. */
  static String rawPath(@Nullable String uri) {
    if (uri == null) {
      return "/";
    }
    int end = uri.length();
    for (int i = 0; i < uri.length(); i++) {
      char c = uri.charAt(i);
      if (c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    return uri.substring(0, end);
  }
}
