package vn.bhyt.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bhyt.auth.Role;
import vn.bhyt.config.ConfigLoader;
import vn.bhyt.config.GatewayConfig;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.Ulids;
import vn.bhyt.http.Json;
import vn.bhyt.persistence.TestDatabase;
import vn.bhyt.reference.ReferenceData;
import vn.bhyt.verifier.card.DeclaredPictures;
import vn.bhyt.verifier.registry.RegistryImporter;

/** The gateway end to end: a real server on a free port, a real MariaDB, the demo registry. */
class GatewayIT {
  static final FacilityCode HERE = new FacilityCode("79034");
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
  static TestDatabase db;
  static GatewayApp app;
  static String reception;
  static String billing;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create();
    GatewayConfig config =
        ConfigLoader.load("", Map.of("GATEWAY_HTTP_PORT", "0")).withDb(db.config());
    app = GatewayApp.start(config);
    String csv = DemoRegistry.csv(7, 300, ReferenceData.builtIn(), HERE, TODAY);
    new RegistryImporter(app.dataSource()).importCsv(new StringReader(csv), n -> {});
    reception = app.tokens().create(Role.RECEPTION, "desk-1");
    billing = app.tokens().create(Role.BILLING, "his");
  }

  @AfterAll
  static void stop() {
    app.close();
    db.close();
  }

  static HttpResponse<String> post(String type, byte[] body, String token, String query)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base() + "/api/v1/cards/verify" + query))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static JsonNode verifyJson(String json) throws Exception {
    HttpResponse<String> r =
        post("application/json", json.getBytes(StandardCharsets.UTF_8), reception, "");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body())
        .as("plain numbers, never 8E+1")
        .doesNotContainPattern("\"percent\":[0-9.]+E");
    return Json.mapper().readTree(r.body());
  }

  static JsonNode typed(String number, String name, String birth) throws Exception {
    return verifyJson(
        "{\"cardNumber\":\""
            + number
            + "\",\"name\":\""
            + name
            + "\",\"birthDate\":\""
            + birth
            + "\"}");
  }

  static String base() {
    return "http://127.0.0.1:" + app.port();
  }

  @Test
  void aScannedValidCardAnswersWithTheFundsCodeAndTheShare() throws Exception {
    String qr = Demo.validCardQr(HERE, TODAY);
    JsonNode a = verifyJson(Json.mapper().writeValueAsString(Map.of("qr", qr)));
    assertThat(a.get("result").asText()).isEqualTo("000");
    assertThat(a.get("outcome").asText()).isEqualTo("valid");
    assertThat(a.get("message").asText()).isEqualTo("Thông tin thẻ chính xác");
    assertThat(a.get("source").asText()).isEqualTo("registry");
    assertThat(a.at("/card/number").asText()).isEqualTo(DemoCards.VALID);
    assertThat(a.at("/card/model").asText()).isEqualTo("2016");
    assertThat(a.at("/card/benefitLevel").asInt()).isEqualTo(4);
    assertThat(a.at("/card/province").asText()).isEqualTo("79");
    assertThat(a.at("/card").has("livingArea")).isTrue();
    assertThat(a.at("/coverage/percent").decimalValue()).isEqualByComparingTo("80");
    assertThat(a.at("/coverage/route").asText()).isEqualTo("right");
    assertThat(a.at("/coverage/explanation")).isNotEmpty();
    assertThat(a.get("checkId").asText()).hasSize(26);
    assertThat(a.get("checkedAt").asText()).endsWith("+07:00");
  }

  @Test
  void everyResultCodeReachesReception() throws Exception {
    assertThat(typed(DemoCards.EXPIRED, "Lê Việt Hưng", "1985-09-04").get("result").asText())
        .isEqualTo("010");
    assertThat(typed("HS4790900400931", "Trần Thị Bình", "2008").get("result").asText())
        .isEqualTo("110");
    assertThat(typed("HC4797900000002", "Phạm Minh Châu", "1975-03-12").get("result").asText())
        .isEqualTo("120");
    JsonNode replaced = typed("GD4797900000003", "Võ Thanh Dũng", "1968-11-02");
    assertThat(replaced.get("result").asText()).isEqualTo("003");
    assertThat(replaced.at("/card/replacedBy").asText()).isEqualTo("7900000003");
    JsonNode defence = typed("QN5977900000007", "Dương Gia Bảo", "1995-04-30");
    assertThat(defence.get("result").asText()).isEqualTo("001");
    assertThat(defence.get("outcome").asText()).isEqualTo("warning");
    assertThat(defence.at("/coverage/percent").intValue()).isEqualTo(100);
    JsonNode stillValid = typed("HC4797900000008", "Lý Kim Yến", "1983-06-15");
    assertThat(stillValid.get("result").asText()).isEqualTo("004");
    assertThat(stillValid.get("outcome").asText()).isEqualTo("valid");
    assertThat(typed(DemoCards.VALID, "Nguyễn Văn Bình", "1990-01-31").get("result").asText())
        .isEqualTo("060");
    assertThat(typed(DemoCards.VALID, "nguyen van an", "1991-01-31").get("result").asText())
        .isEqualTo("070");
    assertThat(typed("DN12345", "A", "1990").get("result").asText()).isEqualTo("051");
    assertThat(typed("DN4037912345678", "A", "1990").get("result").asText()).isEqualTo("052");
    assertThat(typed("DN8797912345678", "A", "1990").get("result").asText()).isEqualTo("053");
    JsonNode notYet = typed("SV4797900000004", "Đặng Ngọc Lan", "2004-05-20");
    assertThat(notYet.get("outcome").asText()).isEqualTo("invalid");
    assertThat(notYet.get("reasons").findValuesAsText("code")).contains("CARD_NOT_YET_VALID");
    assertThat(notYet.has("coverage")).isFalse();
    JsonNode unknown = typed("DN4799999999999", "Ai Đó", "1990");
    assertThat(unknown.get("outcome").asText()).isEqualTo("unconfirmed");
    assertThat(unknown.get("source").asText()).isEqualTo("card");
  }

  @Test
  void scannerTextWithVisitInTheQueryAndEnglishAnswers() throws Exception {
    String qr = Demo.validCardQr(HERE, TODAY) + "\r\n";
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(base() + "/api/v1/cards/verify?visitKind=emergency"))
            .header("Authorization", "Bearer " + reception)
            .header("Content-Type", "text/plain; charset=utf-8")
            .header("Accept-Language", "en-US,en;q=0.9")
            .POST(HttpRequest.BodyPublishers.ofString(qr))
            .build();
    HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
    JsonNode a = Json.mapper().readTree(r.body());
    assertThat(a.get("message").asText()).isEqualTo("Card information is correct");
    assertThat(a.at("/coverage/route").asText()).isEqualTo("emergency");
    assertThat(a.at("/coverage/explanation/1").asText())
        .isEqualTo("Emergency: counts as right route");
  }

  @Test
  void aPhotoOfTheCardIsDecoded(@TempDir Path dir) throws Exception {
    Path photo = dir.resolve("card.png");
    DemoPhoto.write(photo, Demo.validCardQr(HERE, TODAY), "Nguyễn Văn An");
    HttpResponse<String> r =
        post("image/png", Files.readAllBytes(photo), reception, "?visitKind=inpatient");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(Json.mapper().readTree(r.body()).get("result").asText()).isEqualTo("000");
  }

  @Test
  void aCitizenIdQrFindsTheCard() throws Exception {
    String cccd = "079090001234|123456789|Nguyễn Văn An|31011990|Nam|12 Lê Lợi, Quận 1|15082021";
    JsonNode a = verifyJson(Json.mapper().writeValueAsString(Map.of("qr", cccd)));
    assertThat(a.at("/card/number").asText()).isEqualTo(DemoCards.VALID);
    assertThat(a.get("result").asText()).isEqualTo("000");
    HttpResponse<String> unknown =
        post(
            "text/plain",
            "079090009999|123456789|Nguyễn Văn An|31011990|Nam|x|15082021"
                .getBytes(StandardCharsets.UTF_8),
            reception,
            "");
    assertProblem(unknown, 422, "VER-0008");
  }

  @Test
  void tokensAndRoles() throws Exception {
    byte[] body = "{\"cardNumber\":\"DN4797912345678\"}".getBytes(StandardCharsets.UTF_8);
    assertProblem(post("application/json", body, null, ""), 401, "AUTH-0001");
    assertProblem(post("application/json", body, "bhyt_not-a-token", ""), 401, "AUTH-0002");
    assertProblem(post("application/json", body, billing, ""), 403, "AUTH-0003");
  }

  @Test
  void badInputGetsAProblemAndTheServerStaysUp() throws Exception {
    assertProblem(post("application/json", new byte[0], reception, ""), 400, "VER-0001");
    assertProblem(post("text/plain", new byte[0], reception, ""), 400, "VER-0001");
    byte[] garbage = new byte[10 * 1024 * 1024];
    new Random(1).nextBytes(garbage);
    assertProblem(post("application/octet-stream", garbage, reception, ""), 413, "GEN-0003");
    assertProblem(post("image/jpeg", garbage, reception, ""), 413, "GEN-0003");
    byte[] random = new byte[100_000];
    new Random(2).nextBytes(random);
    assertProblem(post("image/png", random, reception, ""), 400, "VER-0005");
    assertProblem(post("image/jpeg", random, reception, ""), 400, "VER-0005");
    assertProblem(
        post("text/plain", new byte[] {(byte) 0xC3, (byte) 0x28, '|'}, reception, ""),
        400,
        "VER-0004");
    assertProblem(
        post("application/json", "{\"qr\": 5}".getBytes(StandardCharsets.UTF_8), reception, ""),
        400,
        "VER-0003");
    assertProblem(
        post("application/json", "[1,2]".getBytes(StandardCharsets.UTF_8), reception, ""),
        400,
        "VER-0003");
    assertProblem(
        post(
            "application/json",
            "{\"qr\":\"a\",\"x\":1}".getBytes(StandardCharsets.UTF_8),
            reception,
            ""),
        400,
        "VER-0003");
    assertProblem(
        post(
            "application/json",
            "{\"cardNumber\":\"X\",\"visit\":{\"referral\":\"yes\"}}"
                .getBytes(StandardCharsets.UTF_8),
            reception,
            ""),
        400,
        "VER-0003");
    assertProblem(
        post("application/json", "{\"qr\":".getBytes(StandardCharsets.UTF_8), reception, ""),
        400,
        "VER-0002");
    assertProblem(
        post(
            "application/json",
            new byte[] {'{', '"', (byte) 0xFF, '"', ':', '1', '}'},
            reception,
            ""),
        400,
        "VER-0002");
    assertProblem(
        post("text/plain", "1".repeat(100_000).getBytes(StandardCharsets.UTF_8), reception, ""),
        422,
        "VER-0007");
    assertProblem(
        post("text/plain", "hello".getBytes(StandardCharsets.UTF_8), reception, ""),
        422,
        "VER-0007");
    byte[] qr = Demo.validCardQr(HERE, TODAY).getBytes(StandardCharsets.UTF_8);
    assertProblem(post("text/plain", qr, reception, "?visitDate=tomorrow"), 400, "GEN-0008");
    assertProblem(post("image/png", qr, reception, "?visitKind=walk-in"), 400, "VER-0005");
    assertProblem(post("text/plain", qr, reception, "?visitkind=inpatient"), 400, "GEN-0008");
    assertProblem(
        post("text/plain", qr, reception, "?visitKind=inpatient&visitKind=emergency"),
        400,
        "GEN-0008");
    byte[] json =
        ("{\"qr\":"
                + Json.mapper().writeValueAsString(new String(qr, StandardCharsets.UTF_8))
                + "}")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(post("application/json", json, reception, "?visitKind=inpatient").body())
        .contains("GEN-0008")
        .contains("in the body");
    assertProblem(
        post("application/xml", "<a/>".getBytes(StandardCharsets.UTF_8), reception, ""),
        415,
        "GEN-0004");
    String sql = "{\"cardNumber\":\"' OR 1=1; DROP TABLE registry_card; --\",\"name\":\"x\"}";
    assertProblem(
        post("application/json", sql.getBytes(StandardCharsets.UTF_8), reception, ""),
        400,
        "VER-0003");
    JsonNode injected = typed("' OR 1=1--", "Robert'); DROP TABLE registry_card;--", "1990");
    assertThat(injected.get("result").asText()).isEqualTo("051");
    assertThat(typed(DemoCards.VALID, "Nguyễn Văn An", "1990-01-31").get("result").asText())
        .isEqualTo("000");
    assertThat(get("/health/live").statusCode()).isEqualTo(200);
  }

  /** Reception's inputs, field by field: a card answer or a documented 4xx, never a 5xx. */
  @Test
  void fuzzedScansTypedEntriesAndVisitsAreAnsweredOrRefusedNeverFailed() throws Exception {
    String valid = Demo.validCardQr(HERE, TODAY);
    ReceptionFuzz fuzz = new ReceptionFuzz(20261207L);
    Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    String[] fields = valid.split("\\|", -1);
    for (int f = 0; f < fields.length; f++) {
      for (String edge : ReceptionFuzz.EDGES) {
        String[] changed = fields.clone();
        changed[f] = edge;
        HttpResponse<String> r =
            post(
                "text/plain",
                String.join("|", changed).getBytes(StandardCharsets.UTF_8),
                reception,
                "");
        statuses.merge(r.statusCode(), 1, Integer::sum);
        assertThat(r.statusCode()).as("field %d = '%s': %s", f, edge, r.body()).isIn(200, 400, 422);
      }
    }
    for (int i = 0; i < 600; i++) {
      HttpResponse<String> r =
          switch (i % 4) {
            case 0 ->
                post(
                    "text/plain",
                    fuzz.qr(valid).getBytes(StandardCharsets.UTF_8),
                    reception,
                    fuzz.visitQuery());
            case 1 ->
                post(
                    "application/json",
                    ReceptionFuzz.json(fuzz.scanned(fuzz.qr(valid))),
                    reception,
                    "");
            case 2 -> post("application/json", ReceptionFuzz.json(fuzz.typed()), reception, "");
            default ->
                post("application/json", ReceptionFuzz.json(fuzz.scanned(valid)), reception, "");
          };
      statuses.merge(r.statusCode(), 1, Integer::sum);
      assertThat(r.statusCode()).as("case %d: %s", i, r.body()).isIn(200, 400, 422);
      if (r.statusCode() != 200) {
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      }
    }
    assertThat(statuses).containsKeys(200, 400, 422);
    assertThat(get("/health/live").statusCode()).isEqualTo(200);
  }

  @Test
  void aQrWithABirthYearBefore1000IsNotACardRatherThanAnInternalError() throws Exception {
    String[] fields = Demo.validCardQr(HERE, TODAY).split("\\|", -1);
    for (String year : new String[] {"0000", "0999", "01/01/0999"}) {
      fields[2] = year;
      HttpResponse<String> r =
          post(
              "text/plain",
              String.join("|", fields).getBytes(StandardCharsets.UTF_8),
              reception,
              "");
      assertProblem(r, 422, "VER-0007");
      assertThat(r.body()).doesNotContain(year);
    }
  }

  @Test
  void aHugeImageIsRefusedWithoutExhaustingMemory() throws Exception {
    BufferedImage huge = new BufferedImage(12_000, 12_000, BufferedImage.TYPE_BYTE_BINARY);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(huge, "png", png);
    HttpResponse<String> r = post("image/png", png.toByteArray(), reception, "");
    assertThat(r.statusCode()).as(r.body()).isIn(413, 422);
    assertThat(get("/health/live").statusCode()).isEqualTo(200);
  }

  @Test
  void aSmallProgressiveJpegDeclaringAHugePictureIsTooLarge() throws Exception {
    byte[] jpeg = DeclaredPictures.progressiveJpeg(14_000, 14_000);

    assertProblem(post("image/jpeg", jpeg, reception, ""), 422, "VER-0009");
    assertThat(get("/health/live").statusCode()).isEqualTo(200);
  }

  @Test
  void problemsNeverEchoPatientData() throws Exception {
    String qr = Demo.validCardQr(HERE, TODAY).replace("31/01/1990", "31/02/1990");
    HttpResponse<String> r = post("text/plain", qr.getBytes(StandardCharsets.UTF_8), reception, "");
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body()).doesNotContain(DemoCards.VALID).doesNotContain("4e677579");
    assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
  }

  @Test
  void unknownPathsAndMethods() throws Exception {
    assertProblem(get("/api/v1/nothing"), 404, "GEN-0001");
    assertProblem(get("/api/v1/cards/verify"), 405, "GEN-0002");
  }

  @Test
  void healthAndMetrics() throws Exception {
    HttpResponse<String> ready = get("/health/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("\"database\":\"up\"");
    typed(DemoCards.VALID, "Nguyễn Văn An", "1990-01-31");
    String metrics = get("/metrics").body();
    assertThat(metrics)
        .contains("http_server_requests_seconds_bucket{")
        .contains("route=\"/api/v1/cards/verify\"");
    assertThat(metrics).contains("cache_gets_total{cache=\"registry\"");
    assertThat(metrics).contains("hikaricp_connections_active");
  }

  @Test
  void readinessSaysTheDatabaseIsUpWhileEveryPooledConnectionIsBusy() throws Exception {
    int size = app.dataSource().getMaximumPoolSize();
    List<Connection> held = new ArrayList<>();
    try {
      for (int i = 0; i < size; i++) {
        held.add(app.dataSource().getConnection());
      }
      HttpResponse<String> ready = get("/health/ready");
      assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
      JsonNode body = Json.mapper().readTree(ready.body());
      assertThat(body.get("database").asText()).isEqualTo("up");
      assertThat(body.at("/pool/active").asInt()).isEqualTo(size);
      assertThat(body.at("/pool/idle").asInt()).isZero();
      assertThat(body.at("/audit/queued").isInt()).isTrue();
    } finally {
      for (Connection c : held) {
        c.close();
      }
    }
    assertThat(get("/metrics").body()).contains("audit_queued").contains("audit_spill_bytes");
  }

  @Test
  void everyCheckIsAudited() throws Exception {
    JsonNode a = typed(DemoCards.VALID, "Nguyễn Văn An", "1990-01-31");
    String id = a.get("checkId").asText();
    String row = null;
    for (int i = 0; i < 50 && row == null; i++) {
      Thread.sleep(100);
      try (Connection c = app.dataSource().getConnection();
          PreparedStatement ps =
              c.prepareStatement(
                  "SELECT token_name, HEX(card_hash), result FROM card_check WHERE check_id = ?")) {
        ps.setBytes(1, Ulids.bytes(id));
        try (ResultSet rs = ps.executeQuery()) {
          row = rs.next() ? rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) : null;
        }
      }
    }
    assertThat(row).startsWith("desk-1|").endsWith("|000").doesNotContain(DemoCards.VALID);
    assertThat(row.split("\\|")[1]).hasSize(16);
  }

  static HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static void assertProblem(HttpResponse<String> r, int status, String code) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonNode p = Json.mapper().readTree(r.body());
    assertThat(p.get("code").asText()).isEqualTo(code);
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.has("title")).isTrue();
    assertThat(p.has("detail")).isTrue();
    assertThat(p.get("type").asText()).endsWith(code);
  }
}
