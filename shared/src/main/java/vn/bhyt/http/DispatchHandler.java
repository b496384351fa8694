package vn.bhyt.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
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
  private final FailureAnswers answers;
  private final Authenticator authenticator;
  private final HttpMetrics metrics;

  DispatchHandler(Router router, Authenticator authenticator, HttpMetrics metrics) {
    this.router = router;
    this.answers = new FailureAnswers(router);
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
    // The unrouted request only reaches failure renderers, which look at its path and headers.
    Method stated = known == null ? Method.GET : known;
    BodyFile spooled = req instanceof SpooledHttpRequest s ? s.body() : null;
    Exchange unmatched = new Exchange(id, method, UNMATCHED, start, null, spooled);
    if (req.decoderResult().isFailure()) {
      write(ctx, failure(undecodable(req), undecoded(id, stated, req)), false, unmatched);
      return;
    }
    ProblemException headTooLarge = HeadLimits.check(req);
    if (headTooLarge != null) {
      write(ctx, failure(headTooLarge, undecoded(id, stated, req)), keepAlive, unmatched);
      return;
    }
    String path;
    Map<String, List<String>> query;
    try {
      QueryStringDecoder uri = new QueryStringDecoder(req.uri());
      path = uri.path();
      query = uri.parameters();
    } catch (IllegalArgumentException e) {
      ProblemException bad =
          new ProblemException(
              ProblemType.MALFORMED_REQUEST,
              "the URI's percent-encoding is not valid: '%' must be followed by two hex digits");
      write(ctx, failure(bad, undecoded(id, stated, req)), keepAlive, unmatched);
      return;
    }
    Request read =
        new Request(
            id,
            stated,
            path,
            query,
            req.headers()::get,
            ByteBufUtil.getBytes(req.content()),
            Map.of(),
            null);
    Request unrouted = spooled == null ? read : read.withBodyFile(spooled);
    Router.Match match;
    try {
      match = router.route(known, path);
    } catch (ProblemException e) {
      write(ctx, failure(e, unrouted), keepAlive, unmatched);
      return;
    }
    Request request = unrouted.withPathParams(match.params());
    Router.Route route = match.route();
    CompletionStage<Request> authorized =
        authorize(route, req.headers().get(HttpHeaderNames.AUTHORIZATION))
            .thenApply(request::withPrincipal);
    CompletableFuture<Request> caller = authorized.toCompletableFuture();
    authorized
        .thenCompose(
            authenticated ->
                spooled == null
                    ? invoke(route, authenticated)
                    : spooled
                        .finished()
                        .thenComposeAsync(whole -> invoke(route, authenticated), ctx.executor()))
        .whenComplete(
            (response, failure) -> {
              Response r = failure == null ? response : failure(failure, request);
              Request logged = caller.isCompletedExceptionally() ? request : caller.join();
              write(
                  ctx,
                  r,
                  keepAlive,
                  new Exchange(id, method, route.template(), start, logged, spooled));
            });
  }

  /** A request whose path is not decoded, with its path as sent, for failure renderers. */
  private static Request undecoded(String id, Method stated, FullHttpRequest req) {
    return new Request(
        id,
        stated,
        FailureAnswers.rawPath(req.uri()),
        Map.of(),
        req.headers()::get,
        new byte[0],
        Map.of(),
        null);
  }

  /**
   * The problem of a request the codec could not decode: a request line or header fields beyond the
   * codec's hard limits (the path is kept when only the header fields are too large), or anything
   * else that is not HTTP.
   */
  private static ProblemException undecodable(FullHttpRequest req) {
    Throwable cause = req.decoderResult().cause();
    if (cause instanceof TooLongHttpLineException) {
      return HeadLimits.uriTooLong();
    }
    if (cause instanceof TooLongHttpHeaderException) {
      return HeadLimits.headersTooLarge();
    }
    return new ProblemException(ProblemType.MALFORMED_REQUEST, "the request could not be decoded");
  }

  private Response failure(Throwable failure, Request request) {
    return answers.render(failure, request);
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
    FullHttpResponse response = FailureAnswers.toNetty(r, ex.id());
    if (!keepAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    BodyFile spooled = ex.spooled();
    if (spooled != null) {
      ChannelFuture written = ctx.writeAndFlush(response);
      written.addListener(done -> spooled.delete());
      if (!keepAlive) {
        written.addListener(ChannelFutureListener.CLOSE);
      }
    } else if (keepAlive) {
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

  /**
   * One request's answer to write: for the access log and metrics, and the file of its body, which
   * is deleted once the answer is written.
   */
  private record Exchange(
      String id,
      String method,
      String route,
      long start,
      @Nullable Request request,
      @Nullable BodyFile spooled) {}
}
