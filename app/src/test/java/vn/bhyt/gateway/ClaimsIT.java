package vn.bhyt.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bhyt.auth.Role;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.claim.ClaimDossiers;
import vn.bhyt.claims.intake.ClaimEnvelopeWriter;
import vn.bhyt.claims.intake.ClaimEnvelopes;
import vn.bhyt.claims.intake.RawEnvelope;
import vn.bhyt.config.ConfigLoader;
import vn.bhyt.http.Json;
import vn.bhyt.persistence.TestDatabase;

/**
 * Claims intake end to end: the real server on port 0, a real MariaDB, generated XML 130 and 4210
 * envelopes, bad envelopes answered with problems and nothing stored, lists, rules.
 */
class ClaimsIT {
  static final String DISABLED = "money.lines";
  static final Pattern MONEY = Pattern.compile("\"hospital\":\\d+\\.\\d{2},");
  static TestDatabase db;
  static GatewayApp app;
  static String billing;
  static String inspector;
  static String reception;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create();
    app =
        GatewayApp.start(
            ConfigLoader.load(
                    "",
                    Map.of("GATEWAY_HTTP_PORT", "0", "GATEWAY_ASSESSMENT_DISABLED_RULES", DISABLED))
                .withDb(db.config()));
    billing = app.tokens().create(Role.BILLING, "his-billing");
    inspector = app.tokens().create(Role.INSPECTOR, "inspector-1");
    reception = app.tokens().create(Role.RECEPTION, "desk-1");
  }

  @AfterAll
  static void stop() {
    app.close();
    db.close();
  }

  static HttpResponse<String> post(String path, String type, byte[] body, String token)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> submit(byte[] envelope) throws Exception {
    return post("/api/v1/claims", "application/xml", envelope, billing);
  }

  static HttpResponse<String> get(String path, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode ok(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Json.mapper().readTree(r.body());
  }

  static int claimsStored() throws Exception {
    try (Connection c = app.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM claim_version")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  static void assertProblem(HttpResponse<String> r, int status, String code) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(Json.mapper().readTree(r.body()).get("code").asText()).as(r.body()).isEqualTo(code);
  }

  @Test
  void aGeneratedEnvelopeIsAnsweredPerDossierAndTheSameEnvelopeAgainAlike() throws Exception {
    ClaimEnvelopes generated = ClaimEnvelopes.of(12, 10, 4101);
    HttpResponse<String> r = submit(generated.bytes());
    JsonNode answer = ok(r);
    assertThat(answer.get("claims")).hasSize(12);
    for (int i = 0; i < 12; i++) {
      JsonNode claim = answer.get("claims").get(i);
      assertThat(claim.get("maLk").asText())
          .isEqualTo(generated.dossier(i + 1).maLk().orElseThrow());
      assertThat(claim.get("version").asInt()).isEqualTo(1);
      assertThat(claim.get("status").asText()).isIn("accepted", "flagged");
      assertThat(claim.at("/totals/hospital").isNumber()).isTrue();
    }
    assertThat(MONEY.matcher(r.body()).find()).as(r.body()).isTrue();
    int stored = claimsStored();
    HttpResponse<String> again = submit(generated.bytes());
    assertThat(ok(again)).isEqualTo(answer);
    assertThat(claimsStored()).isEqualTo(stored);
    String id = answer.at("/claims/0/claimId").asText();
    JsonNode claim = ok(get("/api/v1/claims/" + id, inspector));
    assertThat(claim.get("claimId").asText()).isEqualTo(id);
    assertThat(claim.get("receivedBy").asText()).isEqualTo("his-billing");
    assertThat(claim.get("versions")).hasSize(1);
    assertThat(claim.get("totals")).isEqualTo(answer.at("/claims/0/totals"));
    assertProblem(get("/api/v1/claims/NOSUCHCLAIM", billing), 404, "CLM-0012");
  }

  @Test
  void a4210EnvelopeIsReceived() throws Exception {
    JsonNode answer = ok(submit(ClaimEnvelopes.of(3, 6, 4210).in4210().bytes()));
    assertThat(answer.get("claims")).hasSize(3);
    String id = answer.at("/claims/0/claimId").asText();
    assertThat(ok(get("/api/v1/claims/" + id, billing)).get("format").asText()).isEqualTo("QD4210");
  }

  @Test
  void aCorrectionChangesAForwardedClaim() throws Exception {
    ClaimDossier original = ClaimDossiers.aVisit().seed(77).withMaLk("LK-CORR-1").build();
    String id = ok(submit(envelope(original))).at("/claims/0/claimId").asText();
    try (Connection c = app.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE claim_version SET forwarded_at = NOW(3) WHERE claim_id = '" + id + "'");
    }
    byte[] changed =
        envelope(
            ClaimDossiers.aVisit()
                .seed(77)
                .withMaLk("LK-CORR-1")
                .with("XML1", 1, "CAN_NANG", "61")
                .build());
    assertProblem(submit(changed), 409, "CLM-0011");
    HttpResponse<String> corrected =
        post(
            "/api/v1/claims?correction=s%E1%BB%ADa%20c%C3%A2n%20n%E1%BA%B7ng",
            "text/xml", changed, billing);
    assertThat(ok(corrected).at("/claims/0/version").asInt()).isEqualTo(2);
    JsonNode claim = ok(get("/api/v1/claims/" + id, billing));
    assertThat(claim.get("correction").asText()).isEqualTo("sửa cân nặng");
    assertThat(claim.get("versions")).hasSize(2);
    assertProblem(
        post("/api/v1/claims?correction=", "text/xml", changed, billing), 400, "GEN-0008");
  }

  @Test
  void aDisabledRuleMakesNoFindingsAndIsListedAsDisabled() throws Exception {
    ClaimDossier broken =
        ClaimDossiers.aVisit()
            .seed(91)
            .withMaLk("LK-RULE-1")
            .withServiceLines(3)
            .with("XML3", 2, "THANH_TIEN_BV", "1.00")
            .build();
    JsonNode claim = ok(submit(envelope(broken))).at("/claims/0");
    List<String> rules = new ArrayList<>();
    claim.get("findings").forEach(f -> rules.add(f.get("rule").asText()));
    assertThat(rules).noneMatch(r -> r.startsWith(DISABLED + "@")).isNotEmpty();
    JsonNode listing = ok(get("/api/v1/rules", reception)).get("rules");
    assertThat(listing).hasSizeGreaterThan(10);
    listing.forEach(
        rule -> {
          assertThat(rule.get("enabled").asBoolean())
              .isEqualTo(!rule.get("id").asText().equals(DISABLED));
          assertThat(rule.get("severity").asText()).isIn("critical", "warning", "info");
          assertThat(rule.get("from").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        });
    String ruleOfFinding = rules.get(0).substring(0, rules.get(0).indexOf('@'));
    JsonNode found = ok(get("/api/v1/claims?rule=" + ruleOfFinding, inspector));
    assertThat(found.get("claims"))
        .anySatisfy(c -> assertThat(c.get("maLk").asText()).isEqualTo("LK-RULE-1"));
  }

  @Test
  void badEnvelopesAreProblemsAndStoreNothing() throws Exception {
    int before = claimsStored();
    byte[] good = ClaimEnvelopes.of(4, 8, 5150).bytes();
    assertProblem(submit(Arrays.copyOf(good, good.length / 2)), 400, "CLM-0002");
    assertProblem(
        submit(RawEnvelope.from("79034").dossier().content("XML1", "%%%not-base64%%%").bytes()),
        422,
        "CLM-0005");
    String xml2 =
        "<CHITIEU_CHITIET_THUOC><DSACH_CHI_TIET_THUOC><CHI_TIET_THUOC><MA_LK>LK1</MA_LK>"
            + "</CHI_TIET_THUOC></DSACH_CHI_TIET_THUOC></CHITIEU_CHITIET_THUOC>";
    assertProblem(
        submit(RawEnvelope.from("79034").dossier().table("XML2", xml2).bytes()), 422, "CLM-0006");
    assertProblem(submit(hugeTextNode()), 413, "CLM-0008");
    assertProblem(submit(xml(BOMB)), 400, "CLM-0003");
    assertProblem(submit(xml(XXE)), 400, "CLM-0003");
    assertProblem(submit("not xml at all {}".getBytes(StandardCharsets.UTF_8)), 400, "CLM-0001");
    assertProblem(submit(new byte[0]), 400, "CLM-0001");
    assertProblem(submit(xml("<HOSPITAL><MACSKCB>79034</MACSKCB></HOSPITAL>")), 422, "CLM-0004");
    assertProblem(post("/api/v1/claims", "application/xml", good, reception), 403, "AUTH-0003");
    assertProblem(post("/api/v1/claims", "application/json", good, billing), 415, "GEN-0004");
    assertThat(claimsStored()).isEqualTo(before);
  }

  @Test
  void misspeltParametersWereIgnoredAndAreRefused() throws Exception {
    int before = claimsStored();
    byte[] body = ClaimEnvelopes.of(1, 2, 7070).bytes();
    assertProblem(
        post("/api/v1/claims?corection=s%E1%BB%ADa", "application/xml", body, billing),
        400,
        "GEN-0008");
    assertThat(claimsStored()).isEqualTo(before);
    assertProblem(get("/api/v1/claims?rule=no.such.rule", inspector), 400, "GEN-0008");
    assertProblem(get("/api/v1/claims?status=open", inspector), 400, "GEN-0008");
    assertProblem(get("/api/v1/claims/01KAQ9?version=1", inspector), 400, "GEN-0008");
    assertProblem(get("/api/v1/rules?rul=money.lines", inspector), 400, "GEN-0008");
    ok(get("/api/v1/claims?rule=money.lines&size=1", inspector));
  }

  @Test
  void listsFilterAndPage() throws Exception {
    ok(submit(ClaimEnvelopes.of(25, 4, 6060).bytes()));
    JsonNode all = ok(get("/api/v1/claims?size=7", billing));
    int total = all.get("total").asInt();
    assertThat(total).isGreaterThanOrEqualTo(25);
    Set<String> seen = new HashSet<>();
    JsonNode page = all;
    while (true) {
      page.get("claims").forEach(c -> assertThat(seen.add(c.get("claimId").asText())).isTrue());
      if (page.get("next").isNull()) {
        break;
      }
      page = ok(get(page.get("next").asText(), billing));
    }
    assertThat(seen).hasSize(total);
    JsonNode k01 = ok(get("/api/v1/claims?department=K01&size=500", inspector));
    assertThat(k01.get("total").asInt()).isPositive();
    k01.get("claims").forEach(c -> assertThat(c.get("department").asText()).isEqualTo("K01"));
    JsonNode spring =
        ok(get("/api/v1/claims?from=2026-03-01&to=2026-05-31&status=accepted&size=500", billing));
    spring
        .get("claims")
        .forEach(
            c -> {
              LocalDate day = LocalDate.parse(c.get("visitStart").asText().substring(0, 10));
              assertThat(day).isBetween(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 31));
              assertThat(c.get("status").asText()).isEqualTo("accepted");
            });
    assertProblem(get("/api/v1/claims?status=maybe", billing), 400, "GEN-0008");
    assertProblem(get("/api/v1/claims?from=2026-13-01", billing), 400, "GEN-0008");
    assertProblem(get("/api/v1/claims?size=0", billing), 400, "GEN-0008");
    assertProblem(get("/api/v1/claims?sort=id", billing), 400, "GEN-0008");
    assertProblem(get("/api/v1/claims", reception), 403, "AUTH-0003");
  }

  static final String BOMB =
      "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
          + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
          + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
          + "<GIAMDINHHS><THONGTINDONVI><MACSKCB>&lol3;</MACSKCB></THONGTINDONVI></GIAMDINHHS>";

  static final String XXE =
      "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
          + "<GIAMDINHHS><THONGTINDONVI><MACSKCB>&e;</MACSKCB></THONGTINDONVI></GIAMDINHHS>";

  static byte[] xml(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** An envelope whose one table's content is 50 MB of base64 in a single text node. */
  static byte[] hugeTextNode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(51 << 20);
    out.writeBytes(
        xml(
            "<GIAMDINHHS><THONGTINDONVI><MACSKCB>79034</MACSKCB></THONGTINDONVI><THONGTINHOSO>"
                + "<DANHSACHHOSO><HOSO><FILEHOSO><LOAIHOSO>XML1</LOAIHOSO><NOIDUNGFILE>"));
    byte[] chunk = "QUFB".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
    for (int written = 0; written < 50 << 20; written += chunk.length) {
      out.writeBytes(chunk);
    }
    out.writeBytes(
        xml("</NOIDUNGFILE></FILEHOSO></HOSO></DANHSACHHOSO></THONGTINHOSO></GIAMDINHHS>"));
    return out.toByteArray();
  }

  static byte[] envelope(ClaimDossier... dossiers) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ClaimEnvelopeWriter.write(out, dossiers[0].facilityCode(), "20261120", List.of(dossiers));
    return out.toByteArray();
  }
}
