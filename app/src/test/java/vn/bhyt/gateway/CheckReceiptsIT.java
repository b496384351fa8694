package vn.bhyt.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bhyt.auth.Role;
import vn.bhyt.config.ConfigLoader;
import vn.bhyt.config.GatewayConfig;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.http.Json;
import vn.bhyt.persistence.TestDatabase;
import vn.bhyt.reference.ReferenceData;
import vn.bhyt.verifier.audit.ReceiptKeys;
import vn.bhyt.verifier.registry.RegistryImporter;

/**
 * Receipts of card checks end to end: a real server on a free port, a real MariaDB, its receipt
 * keys in a key file of its own made on first start; {@code GET /api/v1/checks/{checkId}} says
 * which receipts are genuine.
 */
class CheckReceiptsIT {
  static final FacilityCode HERE = new FacilityCode("79034");
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
  static final HttpClient http = HttpClient.newHttpClient();
  static final String CLERK = "Lê Thị Hoa";
  static final String CLERK_ID = "079190001234";
  @TempDir static Path dir;
  static TestDatabase db;
  static GatewayApp app;
  static String reception;
  static String clerkDesk;
  static String billing;
  static String inspector;
  static String admin;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create();
    app = GatewayApp.start(config());
    String csv = DemoRegistry.csv(7, 300, ReferenceData.builtIn(), HERE, TODAY);
    new RegistryImporter(app.dataSource()).importCsv(new StringReader(csv), n -> {});
    reception = app.tokens().create(Role.RECEPTION, "desk-1");
    clerkDesk = app.tokens().create(Role.RECEPTION, "desk-2", CLERK, CLERK_ID);
    billing = app.tokens().create(Role.BILLING, "his");
    inspector = app.tokens().create(Role.INSPECTOR, "inspector-1");
    admin = app.tokens().create(Role.ADMIN, "ops");
  }

  @AfterAll
  static void stop() {
    app.close();
    db.close();
  }

  static GatewayConfig config() {
    return ConfigLoader.load(
            "",
            Map.of(
                "GATEWAY_HTTP_PORT",
                "0",
                "GATEWAY_RECEIPT_KEY_FILE",
                dir.resolve("keys/receipt-keys").toString()))
        .withDb(db.config());
  }

  static JsonNode check(GatewayApp gateway, String token) throws Exception {
    String body = Json.mapper().writeValueAsString(Map.of("qr", Demo.validCardQr(HERE, TODAY)));
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + gateway.port() + "/api/v1/cards/verify"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Json.mapper().readTree(r.body());
  }

  static HttpResponse<String> record(GatewayApp gateway, String token, String path)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + gateway.port() + "/api/v1/checks/" + path))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The record of a check, waiting for the audit writer to keep it. */
  static JsonNode recorded(GatewayApp gateway, String token, String checkId, String receipt)
      throws Exception {
    String path =
        checkId + (receipt == null ? "" : "?receipt=" + URLEncoder.encode(receipt, "UTF-8"));
    for (int i = 0; ; i++) {
      HttpResponse<String> r = record(gateway, token, path);
      if (r.statusCode() == 200) {
        assertThat(r.body())
            .as("no card number or patient name in an audit record")
            .doesNotContain(DemoCards.VALID)
            .doesNotContain("Nguyễn");
        return Json.mapper().readTree(r.body());
      }
      assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
      assertThat(i).as("the record is kept within seconds").isLessThan(100);
      Thread.sleep(50);
    }
  }

  @Test
  void everyAnswerCarriesAReceiptThatItsAuditRecordConfirms() throws Exception {
    JsonNode answer = check(app, reception);
    String receipt = answer.get("receipt").asText();
    String checkId = answer.get("checkId").asText();
    assertThat(receipt)
        .matches("1\\.[0-9]+\\.000\\.registry\\.[A-Za-z0-9_-]{43}")
        .as("the time it states is the answer's")
        .contains(
            "."
                + java.time.OffsetDateTime.parse(answer.get("checkedAt").asText()).toEpochSecond()
                + ".");
    for (String token : new String[] {reception, billing, inspector}) {
      JsonNode r = recorded(app, token, checkId, receipt);
      assertThat(r.get("checkId").asText()).isEqualTo(checkId);
      assertThat(r.get("result").asText()).isEqualTo("000");
      assertThat(r.get("outcome").asText()).isEqualTo(answer.get("outcome").asText());
      assertThat(r.get("source").asText()).isEqualTo("registry");
      assertThat(r.get("keyVersion").asInt()).isEqualTo(1);
      assertThat(r.get("cardHash").asText()).matches("[0-9a-f]{16}");
      assertThat(r.get("checkedBy").get("token").asText()).isEqualTo("desk-1");
      assertThat(r.get("checkedBy").get("clerkName").isNull()).isTrue();
      assertThat(r.get("receipt").get("genuine").asBoolean()).isTrue();
      assertThat(r.get("receipt").has("reason")).isFalse();
    }
    assertThat(recorded(app, billing, checkId, null).has("receipt"))
        .as("without a receipt to judge, none is judged")
        .isFalse();
  }

  @Test
  void aTamperedReceiptOrOneOfAnotherCheckIsNotGenuine() throws Exception {
    JsonNode first = check(app, reception);
    JsonNode second = check(app, reception);
    String receipt = first.get("receipt").asText();
    String checkId = first.get("checkId").asText();
    recorded(app, billing, checkId, receipt);
    String[] p = receipt.split("\\.");
    String mac = p[4];
    String flipped = (mac.charAt(0) == 'A' ? "B" : "A") + mac.substring(1);
    Map<String, String> forgeries =
        Map.of(
            "another result", p[0] + "." + p[1] + ".010." + p[3] + "." + mac,
            "another time",
                p[0] + "." + (Long.parseLong(p[1]) + 1) + "." + p[2] + "." + p[3] + "." + mac,
            "another source", p[0] + "." + p[1] + "." + p[2] + ".fund." + mac,
            "another key version", "2." + p[1] + "." + p[2] + "." + p[3] + "." + mac,
            "another mac", p[0] + "." + p[1] + "." + p[2] + "." + p[3] + "." + flipped,
            "another check's receipt", second.get("receipt").asText(),
            "not a receipt", "hello",
            "empty", "");
    for (Map.Entry<String, String> f : forgeries.entrySet()) {
      JsonNode r = recorded(app, inspector, checkId, f.getValue());
      assertThat(r.get("receipt").get("genuine").asBoolean()).as(f.getKey()).isFalse();
      assertThat(r.get("receipt").get("reason").asText()).as(f.getKey()).isNotBlank();
    }
  }

  @Test
  void theRecordOfAClerksCheckNamesTheClerk() throws Exception {
    JsonNode answer = check(app, clerkDesk);
    JsonNode r =
        recorded(app, billing, answer.get("checkId").asText(), answer.get("receipt").asText());
    assertThat(r.get("checkedBy").get("token").asText()).isEqualTo("desk-2");
    assertThat(r.get("checkedBy").get("clerkName").asText()).isEqualTo(CLERK);
    assertThat(r.get("checkedBy").get("clerkCitizenId").asText()).isEqualTo(CLERK_ID);
    assertThat(r.get("receipt").get("genuine").asBoolean()).isTrue();
  }

  @Test
  void aFhirEligibilityCheckCarriesItsReceiptAndItsRecordNamesTheClerk() throws Exception {
    var request = new org.hl7.fhir.r4.model.CoverageEligibilityRequest();
    request.setStatus(
        org.hl7.fhir.r4.model.CoverageEligibilityRequest.EligibilityRequestStatus.ACTIVE);
    request.addPurpose(
        org.hl7.fhir.r4.model.CoverageEligibilityRequest.EligibilityRequestPurpose.VALIDATION);
    request.setCreatedElement(new org.hl7.fhir.r4.model.DateTimeType("2026-11-23T08:00:00+07:00"));
    request.setInsurer(new org.hl7.fhir.r4.model.Reference().setDisplay("BHXH"));
    var card = new org.hl7.fhir.r4.model.Coverage();
    card.setId("c");
    card.setStatus(org.hl7.fhir.r4.model.Coverage.CoverageStatus.ACTIVE);
    card.setSubscriberId(DemoCards.VALID);
    card.setBeneficiary(new org.hl7.fhir.r4.model.Reference("#p"));
    card.addPayor().setDisplay("BHXH");
    var person = new org.hl7.fhir.r4.model.Patient();
    person.setId("p");
    request.addContained(person);
    request.addContained(card);
    request.setPatient(new org.hl7.fhir.r4.model.Reference("#p"));
    request.addInsurance().setCoverage(new org.hl7.fhir.r4.model.Reference("#c"));
    var parser = vn.bhyt.fhir.FhirContexts.r4().newJsonParser();
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + app.port() + "/fhir/CoverageEligibilityRequest"))
                .header("Content-Type", "application/fhir+json")
                .header("Authorization", "Bearer " + clerkDesk)
                .POST(HttpRequest.BodyPublishers.ofString(parser.encodeResourceToString(request)))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
    var answer =
        parser.parseResource(org.hl7.fhir.r4.model.CoverageEligibilityResponse.class, r.body());
    var result = answer.getExtensionByUrl(vn.bhyt.fhir.Identifiers.EXT_CHECK_RESULT);
    String receipt = result.getExtensionString("receipt");
    String checkId = answer.getIdentifierFirstRep().getValue();
    JsonNode record = recorded(app, billing, checkId, receipt);
    assertThat(record.get("checkedBy").get("token").asText()).isEqualTo("desk-2");
    assertThat(record.get("checkedBy").get("clerkName").asText()).isEqualTo(CLERK);
    assertThat(record.get("receipt").get("genuine").asBoolean()).isTrue();
  }

  @Test
  void unknownChecksAreNotFoundAndATokenIsNeeded() throws Exception {
    JsonNode answer = check(app, reception);
    String checkId = answer.get("checkId").asText();
    recorded(app, billing, checkId, null);
    assertProblem(record(app, billing, "01JZZZZZZZZZZZZZZZZZZZZZZZ"), 404, "VER-0010");
    assertProblem(record(app, billing, "not-a-check-id"), 404, "VER-0010");
    assertProblem(record(app, billing, checkId + "?card=DN4797912345678"), 400, "GEN-0008");
    assertThat(record(app, admin, checkId).statusCode())
        .as("admin may do everything")
        .isEqualTo(200);
    assertProblem(record(app, "nope", checkId), 401, "AUTH-0002");
  }

  @Test
  void theKeyFileIsMadeOwnerOnlyAndAfterRotationOldReceiptsStillVerify() throws Exception {
    Path file = dir.resolve("keys/receipt-keys");
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    JsonNode before = check(app, reception);
    recorded(app, billing, before.get("checkId").asText(), null);
    assertThat(ReceiptKeys.rotate(file)).isEqualTo(2);
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    try (GatewayApp rotated = GatewayApp.start(config())) {
      String token = rotated.tokens().create(Role.RECEPTION, "desk-3");
      JsonNode after = check(rotated, token);
      assertThat(after.get("receipt").asText()).startsWith("2.");
      JsonNode old =
          recorded(rotated, token, before.get("checkId").asText(), before.get("receipt").asText());
      assertThat(old.get("keyVersion").asInt()).isEqualTo(1);
      assertThat(old.get("receipt").get("genuine").asBoolean())
          .as("signed by key 1, verified after key 2 was added")
          .isTrue();
      JsonNode fresh =
          recorded(rotated, token, after.get("checkId").asText(), after.get("receipt").asText());
      assertThat(fresh.get("keyVersion").asInt()).isEqualTo(2);
      assertThat(fresh.get("receipt").get("genuine").asBoolean()).isTrue();
      JsonNode unknown =
          recorded(app, billing, after.get("checkId").asText(), after.get("receipt").asText());
      assertThat(unknown.get("receipt").get("genuine").asBoolean())
          .as("a gateway started before the rotation holds no key 2")
          .isFalse();
    }
  }

  static void assertProblem(HttpResponse<String> r, int status, String code) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    JsonNode p = Json.mapper().readTree(r.body());
    assertThat(p.get("code").asText()).isEqualTo(code);
  }
}
