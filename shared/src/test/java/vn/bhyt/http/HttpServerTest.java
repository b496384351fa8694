package vn.bhyt.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.util.NettyRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.bhyt.auth.Authenticator;

/** The server on a real port: how many event loops answer its connections. */
class HttpServerTest {
  private static final Authenticator NO_TOKENS =
      token -> CompletableFuture.completedFuture(Optional.empty());

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 3})
  void connectionsAreAnsweredByAsManyEventLoopsAsConfiguredAndZeroMeansOnePerProcessor(int loops)
      throws Exception {
    Router router =
        new Router()
            .open(
                HttpMethod.GET,
                "/thread",
                request ->
                    CompletableFuture.completedFuture(
                        Response.text(200, "text/plain", Thread.currentThread().getName())));
    int expected = loops == 0 ? NettyRuntime.availableProcessors() : loops;
    try (HttpServer server =
        HttpServer.start(
            "127.0.0.1",
            0,
            loops,
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
