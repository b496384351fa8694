package vn.bhyt.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.bhyt.auth.Role;
import vn.bhyt.claims.intake.ClaimEnvelopes;
import vn.bhyt.config.ConfigLoader;
import vn.bhyt.config.GatewayConfig;
import vn.bhyt.fundsim.FundSim;
import vn.bhyt.http.Json;
import vn.bhyt.persistence.TestDatabase;

/**
 * The gateway killed between making a claim's file and recording the fund's answer, then started
 * again: every claim version is at the fund exactly once. The forwarding gateway runs as a child
 * process ({@code gateway serve}) that halts at a named point as if killed ({@code
 * -Dbhyt.forwarding.halt-at}); claims are submitted to a gateway in this process that has no fund.
 */
class ForwardingCrashIT {
  static final String USER = "79034_BV";
  static final String PASSWORD = "mật khẩu";
  static final HttpClient http = HttpClient.newHttpClient();
  @TempDir static Path dir;
  static TestDatabase db;
  static FundSim fund;
  static GatewayApp intake;
  static String billing;
  static long seed = 8300;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create();
    fund = FundSim.builder(USER, PASSWORD).host("127.0.0.1").port(0).start();
    intake =
        GatewayApp.start(
            ConfigLoader.load("", Map.of("GATEWAY_HTTP_PORT", "0")).withDb(db.config()));
    billing = intake.tokens().create(Role.BILLING, "his-billing");
  }

  @AfterAll
  static void stop() {
    intake.close();
    fund.close();
    db.close();
  }

  /** Submits generated visits to the gateway without a fund: the accepted ones' claim ids. */
  static Map<String, String> accepted(int visits) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + intake.port() + "/api/v1/claims"))
                .header("Authorization", "Bearer " + billing)
                .header("Content-Type", "application/xml")
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        ClaimEnvelopes.of(visits, 3, seed++).bytes()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Map<String, String> out = new HashMap<>();
    for (JsonNode c : Json.mapper().readTree(r.body()).get("claims")) {
      if (c.get("status").asText().equals("accepted")) {
        out.put(c.get("maLk").asText(), c.get("claimId").asText());
      }
    }
    assertThat(out).isNotEmpty();
    return out;
  }

  /** {@code gateway serve} in a process of its own, forwarding to the fund. */
  static Process serve(String haltAt, String name) throws Exception {
    GatewayConfig.Db c = db.config();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (haltAt != null) {
      command.add("-Dbhyt.forwarding.halt-at=" + haltAt);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.add("serve");
    ProcessBuilder b = new ProcessBuilder(command);
    Path work = Files.createDirectories(dir.resolve(name));
    b.directory(work.toFile());
    Map<String, String> env = b.environment();
    env.keySet().removeIf(k -> k.startsWith("GATEWAY_"));
    env.put("GATEWAY_HTTP_PORT", "0");
    env.put("GATEWAY_DB_URL", c.url());
    env.put("GATEWAY_DB_USER", c.user());
    env.put("GATEWAY_DB_PASSWORD", c.password().value());
    env.put("GATEWAY_FUND_URL", fund.url());
    env.put("GATEWAY_FUND_USER", USER);
    env.put("GATEWAY_FUND_PASSWORD", PASSWORD);
    env.put("GATEWAY_FORWARDING_INTERVAL", "PT0.2S");
    env.put("GATEWAY_FORWARDING_READ_TIMEOUT", "PT1S");
    env.put("GATEWAY_AUDIT_SPILL_DIR", work.resolve("audit").toString());
    b.redirectErrorStream(true);
    b.redirectOutput(work.resolve("log").toFile());
    return b.start();
  }

  static String state(String claimId) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT f.state FROM claim c JOIN claim_forwarding f"
                    + " ON f.claim_id = c.id AND f.version = c.version WHERE c.id = ?")) {
      ps.setString(1, claimId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"file-kept", "attempt-started", "answered"})
  void aGatewayKilledOnTheWayAndStartedAgainPutsEveryClaimAtTheFundOnce(String point)
      throws Exception {
    Map<String, String> claims = accepted(6);
    long submissions = fund.received("guiHoSoXmlQD3176");
    Process killed = serve(point, point + "-1");
    assertThat(killed.waitFor(90, TimeUnit.SECONDS)).as("it halts at " + point).isTrue();
    assertThat(killed.exitValue())
        .as(Files.readString(dir.resolve(point + "-1/log")))
        .isEqualTo(137);
    Process again = serve(null, point + "-2");
    try {
      long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      for (String id : claims.values()) {
        while (!List.of("sent", "assessed").contains(state(id))) {
          assertThat(again.isAlive()).as(Files.readString(dir.resolve(point + "-2/log"))).isTrue();
          assertThat(System.nanoTime()).as("%s still %s", id, state(id)).isLessThan(end);
          Thread.sleep(100);
        }
      }
    } finally {
      again.destroy();
      again.waitFor(30, TimeUnit.SECONDS);
    }
    Map<String, List<FundSim.Taken>> held =
        fund.transactions().stream().collect(Collectors.groupingBy(FundSim.Taken::maLk));
    for (String maLk : claims.keySet()) {
      assertThat(held.get(maLk)).as(maLk + " at the fund").hasSize(1);
    }
    assertThat(fund.received("guiHoSoXmlQD3176") - submissions)
        .as("each file sent once: one whose answer was lost is found by the look-up, not resent")
        .isEqualTo(claims.size());
  }
}
