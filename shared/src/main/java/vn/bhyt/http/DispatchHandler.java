package vn.bhyt.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bhyt.auth.Authenticator;
import vn.bhyt.auth.Principal;
import vn.bhyt.problem.ProblemException;
import vn.bhyt.problem.ProblemType;

/**
 * Routes each request, checks its token and role, runs the route's handler and writes the answer,
 * with an access-log line and metrics.
 */
@ChannelHandler.Sharable
final class DispatchHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger access = LoggerFactory.getLogger("vn.bhyt.http.access");
  private static final Logger log = LoggerFactory.getLogger(DispatchHandler.class);
  private static final String UNMATCHED = "unmatched";

  private final Router router;
  private final Authenticator authenticator;
  private final HttpMetrics metrics;

  DispatchHandler(Router router, Authenticator authenticator, HttpMetrics metrics) {
    this.router = router;
    this.authenticator = authenticator;
    this.metrics = metrics;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
    long start = System.nanoTime();
    String id = RequestIds.from(req.headers().get("X-Request-Id"));
    boolean keepAlive = HttpUtil.isKeepAlive(req);
    String method = req.method().name();
    Method known = Method.named(method);
    if (req.decoderResult().isFailure()) {
      Response bad =
          Problems.response(
              ProblemType.MALFORMED_REQUEST, "the request could not be decoded", Map.of(), id);
      write(ctx, bad, false, new Exchange(id, method, UNMATCHED, start, null));
      return;
    }
    // The unrouted request only reaches failure renderers, which look at its path and headers.
    Method stated = known == null ? Method.GET : known;
    String path;
    Map<String, List<String>> query;
    try {
      QueryStringDecoder uri = new QueryStringDecoder(req.uri());
      path = uri.path();
      query = uri.parameters();
    } catch (IllegalArgumentException e) {
      Request undecoded =
          new Request(
              id,
              stated,
              rawPath(req.uri()),
              Map.of(),
              req.headers()::get,
              new byte[0],
              Map.of(),
              null);
      ProblemException bad =
          new ProblemException(
              ProblemType.MALFORMED_REQUEST,
              "the URI's percent-encoding is not valid: '%' must be followed by two hex digits");
      write(
          ctx,
          failure(bad, undecoded),
          keepAlive,
          new Exchange(id, method, UNMATCHED, start, null));
      return;
    }
    Request unrouted =
        new Request(
            id,
            stated,
            path,
            query,
            req.headers()::get,
            ByteBufUtil.getBytes(req.content()),
            Map.of(),
            null);
    Router.Match match;
    try {
      match = router.route(known, path);
    } catch (ProblemException e) {
      write(ctx, failure(e, unrouted), keepAlive, new Exchange(id, method, UNMATCHED, start, null));
      return;
    }
    Request request = unrouted.withPathParams(match.params());
    Router.Route route = match.route();
    CompletionStage<Request> authorized =
        authorize(route, req.headers().get(HttpHeaderNames.AUTHORIZATION))
            .thenApply(request::withPrincipal);
    CompletableFuture<Request> caller = authorized.toCompletableFuture();
    authorized
        .thenCompose(authenticated -> invoke(route, authenticated))
        .whenComplete(
            (response, failure) -> {
              Response r = failure == null ? response : failure(failure, request);
              Request logged = caller.isCompletedExceptionally() ? request : caller.join();
              write(ctx, r, keepAlive, new Exchange(id, method, route.template(), start, logged));
            });
  }

  /** The path of a URI as sent, before its query and fragment, without decoding. */
  private static String rawPath(String uri) {
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

  private Response failure(Throwable failure, Request request) {
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

  private CompletionStage<@Nullable Principal> authorize(
      Router.Route route, @Nullable String authorization) {
    if (route.open()) {
      return CompletableFuture.completedFuture(null);
    }
    if (authorization == null
        || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        || authorization.length() <= 7) {
      return CompletableFuture.failedFuture(
          new ProblemException(ProblemType.TOKEN_MISSING, "send 'Authorization: Bearer <token>'"));
    }
    String token = authorization.substring(7).strip();
    return authenticator.authenticate(token).thenApply(found -> permit(route, found));
  }

  private static Principal permit(Router.Route route, Optional<Principal> found) {
    Principal p =
        found.orElseThrow(
            () ->
                new ProblemException(ProblemType.TOKEN_UNKNOWN, "the token is unknown or revoked"));
    if (!p.mayUse(route.roles())) {
      throw new ProblemException(
          ProblemType.ROLE_FORBIDDEN,
          "role " + p.role().code() + " may not use " + route.template());
    }
    return p;
  }

  private static CompletionStage<Response> invoke(Router.Route route, Request request) {
    try {
      return route.handler().handle(request);
    } catch (Exception e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  // A write's failure reaches exceptionCaught through the pipeline (void promise) or closes the
  // connection (CLOSE listener): nothing waits on the returned future.
  @SuppressWarnings("FutureReturnValueIgnored")
  private void write(ChannelHandlerContext ctx, Response r, boolean keepAlive, Exchange ex) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(r.status()),
            Unpooled.wrappedBuffer(r.body()));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, r.contentType());
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, r.body().length);
    response.headers().set("X-Request-Id", ex.id());
    r.headers().forEach(response.headers()::set);
    if (!keepAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    if (keepAlive) {
      ctx.writeAndFlush(response, ctx.voidPromise());
    } else {
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
    long nanos = System.nanoTime() - ex.start();
    metrics.record(ex.method(), ex.route(), r.status(), nanos);
    if (access.isInfoEnabled()) {
      Request request = ex.request();
      Principal p = request == null ? null : request.caller();
      access.info(
          "{} {} {} {} {}us {}B {}",
          ex.id(),
          ex.method(),
          ex.route(),
          r.status(),
          nanos / 1000,
          r.body().length,
          p == null ? "-" : p.name());
    }
  }

  // Closing a broken connection: there is nothing to do when the close itself fails.
  @SuppressWarnings("FutureReturnValueIgnored")
  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("connection closed: {}", cause.toString());
    ctx.close();
  }

  private record Exchange(
      String id, String method, String route, long start, @Nullable Request request) {}
}
