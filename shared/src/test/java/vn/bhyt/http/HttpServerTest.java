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
