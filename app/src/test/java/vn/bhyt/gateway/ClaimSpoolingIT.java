package vn.bhyt.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bhyt.auth.Role;
import vn.bhyt.claims.intake.ClaimEnvelopes;
import vn.bhyt.config.ConfigLoader;
import vn.bhyt.http.Json;
import vn.bhyt.persistence.TestDatabase;

/**
 * Claim envelopes spooled to files on their way in: a large one streamed from a file is stored as
 * the same envelope sent from memory is, and no envelope leaves a file behind, whether answered,
 * over the limit or cut off by a dropped connection.
 */
class ClaimSpoolingIT {
  static final int LIMIT = 40 << 20;
  static TestDatabase db;
  static final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path tmp;

  @BeforeAll
  static void database() {
    db = TestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  private GatewayApp start(Path spool) throws Exception {
    return GatewayApp.start(
        ConfigLoader.load(
                "",
                Map.of(
                    "GATEWAY_HTTP_PORT", "0",
                    "GATEWAY_HTTP_SPOOL_DIR", spool.toString(),
                    "GATEWAY_CLAIMS_MAX_ENVELOPE_BYTES", Integer.toString(LIMIT)))
            .withDb(db.config()));
  }

  private static HttpResponse<String> post(
      GatewayApp app, String token, HttpRequest.BodyPublisher body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/v1/claims"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/xml")
            .POST(body)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int claimsStored(GatewayApp app) throws Exception {
    try (Connection c = app.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM claim_version")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static void assertEmpty(Path spool) throws IOException {
    try (Stream<Path> left = Files.list(spool)) {
      assertThat(left.toList()).isEmpty();
    }
  }

  @Test
  void aLargeEnvelopeStreamedFromAFileIsStoredAsTheSameEnvelopeFromMemory() throws Exception {
    Path spool = tmp.resolve("spool");
    Path file = tmp.resolve("envelope.xml");
    ClaimEnvelopes generated = ClaimEnvelopes.of(1_000, 20, 5_501);
    try (OutputStream out = Files.newOutputStream(file)) {
      generated.writeTo(out);
    }
    assertThat(Files.size(file)).isGreaterThan(20L << 20);
    try (GatewayApp app = start(spool)) {
      String billing = app.tokens().create(Role.BILLING, "his-billing");
      int before = claimsStored(app);
      HttpResponse<String> streamed = post(app, billing, HttpRequest.BodyPublishers.ofFile(file));
      assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(200);
      JsonNode answer = Json.mapper().readTree(streamed.body());
      assertThat(answer.get("claims")).hasSize(1_000);
      for (int i = 0; i < 1_000; i += 97) {
        JsonNode claim = answer.get("claims").get(i);
        assertThat(claim.get("maLk").asText())
            .isEqualTo(generated.dossier(i + 1).maLk().orElseThrow());
        assertThat(claim.get("version").asInt()).isEqualTo(1);
      }
      assertThat(claimsStored(app)).isEqualTo(before + 1_000);
      HttpResponse<String> fromMemory =
          post(app, billing, HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(file)));
      assertThat(Json.mapper().readTree(fromMemory.body())).isEqualTo(answer);
      assertThat(claimsStored(app)).isEqualTo(before + 1_000);
    }
    assertEmpty(spool);
  }

  @Test
  void anEnvelopeOverTheLimitIs413AndLeavesNoFile() throws Exception {
    Path spool = tmp.resolve("spool");
    try (GatewayApp app = start(spool)) {
      String billing = app.tokens().create(Role.BILLING, "his-billing");
      String declared =
          "POST /api/v1/claims HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer "
              + billing
              + "\r\nContent-Type: application/xml\r\nContent-Length: "
              + (LIMIT + 1)
              + "\r\n\r\n";
      assertThat(raw(app, declared, 0, false)).startsWith("HTTP/1.1 413").contains("GEN-0003");
      String chunked =
          "POST /api/v1/claims HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
              + billing
              + "\r\nContent-Type: application/xml\r\nTransfer-Encoding: chunked\r\n\r\n";
      assertThat(raw(app, chunked, LIMIT + (1 << 20), true))
          .startsWith("HTTP/1.1 413")
          .contains("GEN-0003");
    }
    assertEmpty(spool);
  }

  @Test
  void aConnectionDroppedMidEnvelopeLeavesNoFile() throws Exception {
    Path spool = tmp.resolve("spool");
    try (GatewayApp app = start(spool)) {
      String billing = app.tokens().create(Role.BILLING, "his-billing");
      try (Socket socket = new Socket("127.0.0.1", app.port())) {
        OutputStream out = socket.getOutputStream();
        out.write(
            ("POST /api/v1/claims HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                    + billing
                    + "\r\nContent-Type: application/xml\r\nContent-Length: 30000000\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write("<GIAMDINHHS>".repeat(800_000).getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
      int stored = claimsStored(app);
      assertThat(stored).isZero();
    }
    assertEmpty(spool);
  }

  /**
   * Sends a head and then bytes of a body (in 1 MiB chunks when chunked) and reads what the server
   * sends until it closes; writing stops when the server has closed.
   */
  private static String raw(GatewayApp app, String head, long bodyBytes, boolean chunked)
      throws IOException {
    try (Socket socket = new Socket("127.0.0.1", app.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] chunk = new byte[1 << 20];
      try {
        for (long sent = 0; sent < bodyBytes; sent += chunk.length) {
          out.write(
              (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(chunk);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        if (chunked) {
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
      } catch (IOException e) {
        // the server answered and closed the connection before the whole body was sent
      }
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
