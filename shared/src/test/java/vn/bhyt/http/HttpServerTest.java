package vn.bhyt.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.util.NettyRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.bhyt.auth.Authenticator;

/** The server on a real port: how many event loops answer its connections. */
class HttpServerTest {
  private static final Authenticator NO_TOKENS =
      token -> CompletableFuture.completedFuture(Optional.empty());

  @ParameterizedTest
  @CsvSource({"0, 0", "1, 30", "3, 1000"})
  void connectionsAreAnsweredByAsManyEventLoopsAsConfiguredAndZeroMeansOnePerProcessor(
      int loops, long busyPollMicros) throws Exception {
    Router router =
        new Router()
            .open(
                Method.GET,
                "/thread",
                request ->
                    CompletableFuture.completedFuture(
                        Response.text(200, "text/plain", Thread.currentThread().getName())));
    int expected = loops == 0 ? NettyRuntime.availableProcessors() : loops;
    try (HttpServer server =
        HttpServer.start(
            "127.0.0.1",
            0,
            new EventLoops(loops, Duration.ofNanos(busyPollMicros * 1_000)),
            BodyLimits.of(1024),
            router,
            NO_TOKENS,
            new SimpleMeterRegistry())) {
      Set<String> threads = new HashSet<>();
      for (int i = 0; i < 4 * expected; i++) {
        threads.add(threadOf(server.port()));
      }
      assertThat(threads).hasSize(expected).allMatch(name -> name.startsWith("http-loop-"));
    }
  }

  @Test
  void answersCompletedOnOtherThreadsReachTheirConnectionsWhileTheLoopsBusyPoll() throws Exception {
    ScheduledExecutorService elsewhere = Executors.newSingleThreadScheduledExecutor();
    Router router =
        new Router()
            .open(
                Method.GET,
                "/thread",
                request -> {
                  CompletableFuture<Response> later = new CompletableFuture<>();
                  elsewhere.schedule(
                      () ->
                          later.complete(
                              Response.text(200, "text/plain", Thread.currentThread().getName())),
                      2,
                      TimeUnit.MILLISECONDS);
                  return later;
                });
    try (HttpServer server =
        HttpServer.start(
            "127.0.0.1",
            0,
            new EventLoops(1, Duration.ofSeconds(1)),
            BodyLimits.of(1024),
            router,
            NO_TOKENS,
            new SimpleMeterRegistry())) {
      for (int i = 0; i < 5; i++) {
        assertThat(threadOf(server.port())).doesNotStartWith("http-loop-");
      }
    } finally {
      elsewhere.shutdownNow();
    }
  }

  @Test
  void headsBeyondTheCodecsHardLimitsAreStillAnswered() throws Exception {
    Router router =
        new Router()
            .open(
                Method.GET,
                "/own",
                request -> CompletableFuture.completedFuture(Response.json(200, Map.of())))
            .renderFailures(
                "/own",
                (problem, r) ->
                    Response.text(
                        problem.type().status(), "text/plain", "own " + problem.type().code()));
    try (HttpServer server =
        HttpServer.start("127.0.0.1", 0, 1024, router, NO_TOKENS, new SimpleMeterRegistry())) {
      String line = "/own?q=" + "a".repeat(HeadLimits.HARD_LINE_BYTES);
      assertThat(exchange(server.port(), "GET " + line + " HTTP/1.1\r\nHost: x\r\n\r\n"))
          .startsWith("HTTP/1.1 414")
          .contains("application/problem+json")
          .contains("GEN-0009");
      String fields = "X-Big: " + "b".repeat(HeadLimits.HARD_HEADER_BYTES) + "\r\n";
      assertThat(exchange(server.port(), "GET /own HTTP/1.1\r\nHost: x\r\n" + fields + "\r\n"))
          .startsWith("HTTP/1.1 431")
          .endsWith("own GEN-0010");
      String within = "X-Big: " + "b".repeat(HeadLimits.MAX_HEADER_BYTES) + "\r\n";
      assertThat(exchange(server.port(), "GET /own HTTP/1.1\r\nHost: x\r\n" + within + "\r\n"))
          .startsWith("HTTP/1.1 431")
          .endsWith("own GEN-0010");
    }
  }

  /** Sends raw bytes on a connection of its own and reads the answer up to the server's close. */
  private static String exchange(int port, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      socket.shutdownOutput();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The body of {@code GET /thread} on a connection of its own. */
  private static String threadOf(int port) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          "GET /thread HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(response).startsWith("HTTP/1.1 200");
      return response.substring(response.indexOf("\r\n\r\n") + 4);
    }
  }
}
