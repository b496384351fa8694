package vn.bhyt.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bhyt.auth.Authenticator;

/** Bodies spooled to files on a real port: what routes read, 413s, and that no file is left. */
class BodySpoolingTest {
  private static final Authenticator NO_TOKENS =
      token -> CompletableFuture.completedFuture(Optional.empty());
  private static final int LIMIT = 8 << 20;

  @TempDir Path tmp;
  private final List<String> seen = new CopyOnWriteArrayList<>();

  private HttpServer start(Path spool) throws InterruptedException {
    Router router =
        new Router()
            .open(Method.POST, "/big", this::digest)
            .open(
                Method.POST,
                "/big/fails",
                r -> {
                  try (InputStream in = r.openBody()) {
                    in.readNBytes(10);
                  }
                  throw new IllegalStateException("the route failed");
                })
            .open(
                Method.POST,
                "/small",
                r ->
                    CompletableFuture.completedFuture(
                        Response.text(200, "text/plain", "small " + r.body().length)))
            .open(
                Method.GET,
                "/big",
                r ->
                    CompletableFuture.completedFuture(
                        Response.text(200, "text/plain", "get " + r.body().length)));
    return HttpServer.start(
        "127.0.0.1",
        0,
        new EventLoops(1, java.time.Duration.ZERO),
        BodyLimits.of(1024).with("/big", LIMIT).spooled("/big").spoolingIn(spool),
        router,
        NO_TOKENS,
        new SimpleMeterRegistry());
  }

  private CompletableFuture<Response> digest(Request r) throws Exception {
    seen.add(files(r.bodySize() > 0 ? tmpSpool : tmp).toString());
    assertThatThrownBy(r::body).isInstanceOf(IllegalStateException.class);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (InputStream in = r.openBody()) {
      sha.update(in.readAllBytes());
    }
    return CompletableFuture.completedFuture(
        Response.text(
            200, "text/plain", r.bodySize() + " " + HexFormat.of().formatHex(sha.digest())));
  }

  private Path tmpSpool;

  @Test
  void aSpooledBodyReachesTheRouteWholeFromAnOwnerOnlyFileThatIsDeletedOnceAnswered()
      throws Exception {
    tmpSpool = tmp.resolve("spool");
    byte[] body = new byte[5 << 20];
    new SplittableRandom(7).nextBytes(body);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    String expected = body.length + " " + HexFormat.of().formatHex(sha.digest(body));
    try (HttpServer server = start(tmpSpool)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmpSpool)))
          .isEqualTo("rwx------");
      String head = "POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length + "\r\n\r\n";
      assertThat(exchange(server.port(), head, body, body.length)).endsWith(expected);
      String chunked = "POST /big?x=1 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
      assertThat(exchange(server.port(), chunked, chunks(body), -1)).endsWith(expected);
      assertThat(exchange(server.port(), "GET /big HTTP/1.1\r\nHost: x\r\n\r\n", new byte[0], 0))
          .endsWith("get 0");
      assertThat(
              exchange(
                  server.port(),
                  "POST /small HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n",
                  "hello".getBytes(StandardCharsets.US_ASCII),
                  5))
          .endsWith("small 5");
    }
    assertThat(seen).hasSize(2).allSatisfy(listing -> assertThat(listing).contains("body-"));
    try (Stream<Path> each = Files.list(tmpSpool)) {
      assertThat(each.toList()).isEmpty();
    }
  }

  @Test
  void overTheLimitIs413AsForGatheredBodiesAndLeavesNoFile() throws Exception {
    tmpSpool = tmp.resolve("spool");
    try (HttpServer server = start(tmpSpool)) {
      String declared =
          "POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: " + (LIMIT + 1) + "\r\n\r\n";
      assertThat(exchange(server.port(), declared, new byte[0], 0))
          .startsWith("HTTP/1.1 413")
          .contains("GEN-0003");
      String expecting =
          "POST /big HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: "
              + (LIMIT + 1)
              + "\r\n\r\n";
      assertThat(ask(server.port(), expecting)).startsWith("HTTP/1.1 413").contains("GEN-0003");
      String chunked = "POST /big HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
      assertThat(exchange(server.port(), chunked, chunks(new byte[LIMIT + 10]), -1))
          .startsWith("HTTP/1.1 413")
          .containsIgnoringCase("connection: close")
          .contains("GEN-0003");
      String ok =
          "POST /big HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n";
      assertThat(exchange(server.port(), ok, new byte[3], 3))
          .startsWith("HTTP/1.1 100 Continue")
          .contains("HTTP/1.1 200");
    }
    try (Stream<Path> each = Files.list(tmpSpool)) {
      assertThat(each.toList()).isEmpty();
    }
  }

  @Test
  void aConnectionDroppedMidBodyOrARouteThatFailsLeavesNoFile() throws Exception {
    tmpSpool = tmp.resolve("spool");
    try (HttpServer server = start(tmpSpool)) {
      try (Socket socket = new Socket("127.0.0.1", server.port())) {
        OutputStream out = socket.getOutputStream();
        out.write(
            ("POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(new byte[1_000_000]);
        out.flush();
      }
      String failing = "POST /big/fails HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n";
      assertThat(exchange(server.port(), failing, new byte[100_000], 100_000))
          .startsWith("HTTP/1.1 500");
    }
    try (Stream<Path> each = Files.list(tmpSpool)) {
      assertThat(each.toList()).isEmpty();
    }
  }

  /**
   * Sends a head alone and ends the connection's output; the server answers what the head decides,
   * and closes the connection at the end of its input.
   */
  private static String ask(int port, String head) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      socket.shutdownOutput();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String files(Path dir) throws IOException {
    try (Stream<Path> each = Files.list(dir)) {
      return each.map(p -> p.getFileName().toString()).toList().toString();
    }
  }

  /** The body in chunked transfer coding, in chunks of 100,000 bytes. */
  private static byte[] chunks(byte[] body) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int at = 0; at < body.length; at += 100_000) {
      int n = Math.min(100_000, body.length - at);
      out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, at, n);
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  /**
   * Sends a head and a body on a connection of its own, asking the server to close it after the
   * answer, and reads everything the server sends until then.
   */
  private static String exchange(int port, String head, byte[] body, long length)
      throws IOException {
    String closing = head.replace("Host: x\r\n", "Host: x\r\nConnection: close\r\n");
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(closing.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      try {
        out.write(body);
        out.flush();
      } catch (IOException e) {
        // the server answered and closed before the whole body was sent
      }
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
