package vn.bhyt.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.bhyt.auth.Authenticator;
import vn.bhyt.auth.Principal;
import vn.bhyt.auth.Role;

class DispatchHandlerTest {
  private final Authenticator auth =
      token ->
          CompletableFuture.completedFuture(
              switch (token) {
                case "desk" -> Optional.of(new Principal("desk-1", Role.RECEPTION));
                case "his" -> Optional.of(new Principal("his", Role.BILLING));
                default -> Optional.empty();
              });
  private final Router router =
      new Router()
          .open(
              Method.GET,
              "/health/live",
              r -> CompletableFuture.completedFuture(Response.json(200, Map.of("status", "up"))))
          .add(
              Method.POST,
              "/echo",
              Role.RECEPTION,
              r ->
                  CompletableFuture.completedFuture(
                      Response.json(
                          200, Map.of("who", r.principal().name(), "bytes", r.body().length))))
          .add(
              Method.POST,
              "/claims",
              Role.BILLING,
              r -> CompletableFuture.completedFuture(Response.json(200, Map.of())))
          .add(
              Method.POST,
              "/boom",
              Role.RECEPTION,
              r -> {
                throw new IllegalStateException("secret detail DN4010123456789");
              })
          .add(
              Method.GET,
              "/own/{id}",
              Role.BILLING,
              r -> {
                throw new IllegalStateException("secret detail DN4010123456789");
              })
          .renderFailures(
              "/own",
              (problem, r) ->
                  Response.text(
                      problem.type().status(),
                      "text/plain",
                      "own " + problem.type().code() + " " + r.path()));

  private EmbeddedChannel channel(int limit) {
    return new EmbeddedChannel(
        new BodyLimitAggregator(limit, new FailureAnswers(router)),
        new DispatchHandler(router, auth, new HttpMetrics(new SimpleMeterRegistry())));
  }

  private static FullHttpRequest request(HttpMethod method, String uri, String token, String body) {
    FullHttpRequest r =
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1, method, uri, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, r.content().readableBytes());
    if (token != null) {
      r.headers().set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
    }
    return r;
  }

  private static String send(EmbeddedChannel ch, HttpRequest request, int status) {
    ch.writeInbound(request);
    FullHttpResponse response = ch.readOutbound();
    assertThat(response.status().code()).isEqualTo(status);
    assertThat(response.headers().get("X-Request-Id")).isNotBlank();
    String body = response.content().toString(StandardCharsets.UTF_8);
    response.release();
    return body;
  }

  @Test
  void theAccessLogNamesTheCallersTokenAndNothingOfTheRequest() {
    Logger access = (Logger) LoggerFactory.getLogger("vn.bhyt.http.access");
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    access.addAppender(lines);
    Level before = access.getLevel();
    access.setLevel(Level.INFO);
    try {
      EmbeddedChannel ch = channel(1024);
      send(ch, request(HttpMethod.POST, "/echo", "desk", "DN4010123456789"), 200);
      send(ch, request(HttpMethod.POST, "/echo", "nope", "x"), 401);
      send(ch, request(HttpMethod.GET, "/health/live", null, ""), 200);
      List<String> logged = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
      assertThat(logged).hasSize(3);
      assertThat(logged.get(0)).contains("POST /echo 200").endsWith(" desk-1");
      assertThat(logged.get(1)).contains("POST /echo 401").endsWith(" -");
      assertThat(logged.get(2)).contains("GET /health/live 200").endsWith(" -");
      assertThat(String.join("\n", logged)).doesNotContain("DN4010123456789");
    } finally {
      access.detachAppender(lines);
      access.setLevel(before);
    }
  }

  @Test
  void badPercentEncodingAnywhereInTheUriIsA400AndTheConnectionStaysUsable() {
    EmbeddedChannel ch = channel(1024);
    for (String uri :
        List.of("/health/live?%zz=1", "/health/live?a=%", "/health/%zz", "/echo?x=%4")) {
      assertThat(send(ch, request(HttpMethod.GET, uri, null, ""), 400))
          .contains("GEN-0005")
          .contains("percent")
          .doesNotContain("%zz");
      assertThat(ch.isOpen()).isTrue();
    }
    assertThat(send(ch, request(HttpMethod.GET, "/own/%zz", "desk", ""), 400))
        .isEqualTo("own GEN-0005 /own/%zz");
    assertThat(send(ch, request(HttpMethod.GET, "/health/live", null, ""), 200)).contains("up");
  }

  @Test
  void openRoutesNeedNoToken() {
    assertThat(send(channel(1024), request(HttpMethod.GET, "/health/live", null, ""), 200))
        .contains("up");
  }

  @Test
  void tokensAndRolesAreChecked() {
    EmbeddedChannel ch = channel(1024);
    assertThat(send(ch, request(HttpMethod.POST, "/echo", null, "x"), 401)).contains("AUTH-0001");
    assertThat(send(ch, request(HttpMethod.POST, "/echo", "nope", "x"), 401)).contains("AUTH-0002");
    assertThat(send(ch, request(HttpMethod.POST, "/claims", "desk", "x"), 403))
        .contains("AUTH-0003");
    assertThat(send(ch, request(HttpMethod.POST, "/echo", "desk", "hello"), 200))
        .contains("\"who\":\"desk-1\"")
        .contains("\"bytes\":5");
  }

  @Test
  void failuresBecomeProblemsWithoutTheirDetails() {
    String body = send(channel(1024), request(HttpMethod.POST, "/boom", "desk", "x"), 500);
    assertThat(body)
        .contains("GEN-0006")
        .doesNotContain("DN4010123456789")
        .doesNotContain("IllegalState");
  }

  @Test
  void failuresUnderAPrefixUseItsRenderer() {
    EmbeddedChannel ch = channel(1024);
    assertThat(send(ch, request(HttpMethod.GET, "/own/a/b", "desk", ""), 404))
        .isEqualTo("own GEN-0001 /own/a/b");
    assertThat(send(ch, request(HttpMethod.POST, "/own/a", "desk", ""), 405))
        .isEqualTo("own GEN-0002 /own/a");
    assertThat(send(ch, request(HttpMethod.GET, "/own/a", null, ""), 401))
        .isEqualTo("own AUTH-0001 /own/a");
    assertThat(send(ch, request(HttpMethod.GET, "/own/a", "desk", ""), 403))
        .isEqualTo("own AUTH-0003 /own/a");
    assertThat(send(ch, request(HttpMethod.GET, "/own/a", "his", ""), 500))
        .isEqualTo("own GEN-0006 /own/a");
    assertThat(send(ch, request(HttpMethod.GET, "/owner", "desk", ""), 404)).contains("\"code\"");
    assertThat(send(ch, request(HttpMethod.POST, "/boom", "desk", "x"), 500)).contains("GEN-0006");
  }

  @Test
  void aMethodNoRouteHasIsNotAllowedOnAKnownPathAndNotFoundElsewhere() {
    EmbeddedChannel ch = channel(1024);
    HttpMethod brew = HttpMethod.valueOf("BREW");
    assertThat(send(ch, request(brew, "/health/live", null, ""), 405))
        .contains("GEN-0002")
        .contains("this method is not allowed here");
    assertThat(send(ch, request(brew, "/nowhere", null, ""), 404)).contains("GEN-0001");
    assertThat(send(ch, request(HttpMethod.DELETE, "/health/live", null, ""), 405))
        .contains("DELETE is not allowed here");
  }

  @Test
  void oversizedBodiesGetAProblem() {
    EmbeddedChannel ch = channel(16);
    HttpRequest start = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/echo");
    start.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 17);
    start.headers().set(HttpHeaderNames.AUTHORIZATION, "Bearer desk");
    String body = send(ch, start, 413);
    assertThat(body).contains("GEN-0003").contains("\"status\":413");
    ch.writeInbound(
        new DefaultLastHttpContent(Unpooled.copiedBuffer("x".repeat(17), StandardCharsets.UTF_8)));
    assertThat(send(ch, request(HttpMethod.GET, "/health/live", null, ""), 200)).contains("up");
  }

  @Test
  void aPathPrefixCanHaveALimitOfItsOwnOnTheSameConnection() {
    EmbeddedChannel ch = new EmbeddedChannel();
    ch.pipeline()
        .addLast(
            "limits",
            new BodyLimitSelector(
                BodyLimits.of(16).with("/claims", 1024), new FailureAnswers(router)))
        .addLast(
            BodyLimitSelector.AGGREGATOR, new BodyLimitAggregator(16, new FailureAnswers(router)))
        .addLast(
            "dispatch",
            new DispatchHandler(router, auth, new HttpMetrics(new SimpleMeterRegistry())));
    String large = "x".repeat(1000);
    assertThat(streamed(ch, "/claims?x=1", "his", large, 200)).isEqualTo("{}");
    assertThat(streamed(ch, "/echo", "desk", large, 413)).contains("GEN-0003");
    assertThat(streamed(ch, "/echo", "desk", "hello", 200)).contains("\"bytes\":5");
    assertThat(streamed(ch, "/claims", "his", large + large, 413)).contains("1024 bytes");
    assertThat(streamed(ch, "/claims", "his", large, 200)).isEqualTo("{}");
    HttpRequest chunked = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/echo");
    chunked.headers().set(HttpHeaderNames.TRANSFER_ENCODING, "chunked");
    chunked.headers().set(HttpHeaderNames.AUTHORIZATION, "Bearer desk");
    ch.writeInbound(chunked);
    ch.writeInbound(
        new DefaultLastHttpContent(Unpooled.copiedBuffer(large, StandardCharsets.UTF_8)));
    FullHttpResponse response = ch.readOutbound();
    assertThat(response.status().code()).isEqualTo(413);
    response.release();
  }

  /** Sends a request as the server's codec passes it on: the head, then the body. */
  private static String streamed(
      EmbeddedChannel ch, String uri, String token, String body, int status) {
    HttpRequest start = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, uri);
    start.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length());
    start.headers().set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
    ch.writeInbound(start);
    ch.writeInbound(
        new DefaultLastHttpContent(Unpooled.copiedBuffer(body, StandardCharsets.UTF_8)));
    FullHttpResponse response = ch.readOutbound();
    assertThat(response.status().code()).isEqualTo(status);
    String text = response.content().toString(StandardCharsets.UTF_8);
    response.release();
    return text;
  }

  @Test
  void bodyLimitsMatchWholePathSegments() {
    BodyLimits limits = BodyLimits.of(10).with("/api/v1/claims", 99);
    assertThat(limits.forTarget("/api/v1/claims")).isEqualTo(99);
    assertThat(limits.forTarget("/api/v1/claims?correction=x")).isEqualTo(99);
    assertThat(limits.forTarget("/api/v1/claims/01ABC")).isEqualTo(99);
    assertThat(limits.forTarget("/api/v1/claimsx")).isEqualTo(10);
    assertThat(limits.forTarget("/api/v1/cards/verify")).isEqualTo(10);
  }

  @Test
  void expectContinueWithAnOversizedBodyGetsAProblem() {
    HttpRequest start = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/echo");
    start.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 1_000);
    start.headers().set(HttpHeaderNames.EXPECT, "100-continue");
    assertThat(send(channel(16), start, 413)).contains("GEN-0003");
  }

  @Test
  void anOverLongUriUnderARenderedPrefixWasAGenericProblemAndIsNowItsRenderers414() {
    String uri = "/own/" + "a".repeat(HeadLimits.MAX_LINE_BYTES);
    assertThat(send(channel(1024), request(HttpMethod.GET, uri, "his", ""), 414))
        .startsWith("own GEN-0009 /own/aaa");
    assertThat(send(channel(1024), request(HttpMethod.GET, "/x/" + uri, "his", ""), 414))
        .contains("\"code\":\"GEN-0009\"")
        .contains("4096 bytes");
    String fits = "/own/" + "a".repeat(HeadLimits.MAX_LINE_BYTES - 40);
    assertThat(send(channel(1024), request(HttpMethod.GET, fits, "his", ""), 500))
        .startsWith("own GEN-0006");
  }

  @Test
  void overLargeHeaderFieldsUnderARenderedPrefixWereAGenericProblemAndAreNowItsRenderers431() {
    EmbeddedChannel ch = channel(1024);
    FullHttpRequest large = request(HttpMethod.GET, "/own/1", "his", "");
    large.headers().set("X-Big", "b".repeat(HeadLimits.MAX_HEADER_BYTES));
    assertThat(send(ch, large, 431)).isEqualTo("own GEN-0010 /own/1");
    FullHttpRequest elsewhere = request(HttpMethod.GET, "/health/live", null, "");
    elsewhere.headers().set("X-Big", "b".repeat(HeadLimits.MAX_HEADER_BYTES));
    assertThat(send(ch, elsewhere, 431)).contains("\"code\":\"GEN-0010\"");
    assertThat(send(ch, request(HttpMethod.GET, "/health/live", null, ""), 200)).contains("up");
  }

  @Test
  void anOversizedBodyUnderARenderedPrefixWasAProblemDocumentAndIsNowItsRenderers413() {
    EmbeddedChannel ch = channel(16);
    HttpRequest start = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/own/1");
    start.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 17);
    assertThat(send(ch, start, 413)).isEqualTo("own GEN-0003 /own/1");
    HttpRequest expecting =
        new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/own/1?q=1");
    expecting.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 1_000);
    expecting.headers().set(HttpHeaderNames.EXPECT, "100-continue");
    assertThat(send(channel(16), expecting, 413)).isEqualTo("own GEN-0003 /own/1");
  }

  @Test
  void theRequestIdIsTheClientsWhenSane() {
    EmbeddedChannel ch = channel(1024);
    FullHttpRequest r = request(HttpMethod.GET, "/health/live", null, "");
    r.headers().set("X-Request-Id", "abc-123");
    ch.writeInbound(r);
    FullHttpResponse response = ch.readOutbound();
    assertThat(response.headers().get("X-Request-Id")).isEqualTo("abc-123");
    response.release();
  }
}
