package vn.bhyt.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bhyt.auth.Role;
import vn.bhyt.config.ConfigLoader;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.fhir.FhirContexts;
import vn.bhyt.fhir.FhirStore;
import vn.bhyt.fhir.FhirValidation;
import vn.bhyt.http.Json;
import vn.bhyt.persistence.TestDatabase;
import vn.bhyt.reference.ReferenceData;
import vn.bhyt.verifier.registry.RegistryImporter;

/** Check-in and discharge end to end: the real server, a real MariaDB, FHIR resources validated. */
class VisitsIT {
  static final FacilityCode HERE = new FacilityCode("79034");
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
  static TestDatabase db;
  static GatewayApp app;
  static String reception;
  static FhirStore store;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create();
    app =
        GatewayApp.start(
            ConfigLoader.load("", Map.of("GATEWAY_HTTP_PORT", "0")).withDb(db.config()));
    String csv = DemoRegistry.csv(11, 50, ReferenceData.builtIn(), HERE, TODAY);
    new RegistryImporter(app.dataSource()).importCsv(new StringReader(csv), n -> {});
    reception = app.tokens().create(Role.RECEPTION, "desk-7");
    store = new FhirStore(app.dataSource(), FhirContexts.r4());
  }

  @AfterAll
  static void stop() {
    app.close();
    db.close();
  }

  static HttpResponse<String> post(String path, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Authorization", "Bearer " + reception)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static Resource read(String reference) throws Exception {
    String[] parts = reference.split("/");
    return store.read(parts[0], parts[1]).orElseThrow();
  }

  @Test
  void aCheckInRecordsFourValidResourcesAndAnswersWithTheCheck() throws Exception {
    String body =
        "{\"qr\":"
            + Json.mapper().writeValueAsString(Demo.validCardQr(HERE, TODAY))
            + ",\"department\":\"K01\",\"hisPatientId\":\"BN0001\",\"hisVisitKey\":\"LK2026-0001\"}";
    HttpResponse<String> r = post("/api/v1/visits", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode a = Json.mapper().readTree(r.body());
    assertThat(a.at("/check/result").asText()).isEqualTo("000");
    assertThat(a.get("visitId").asText()).isNotBlank();
    assertThat(a.at("/resources/Encounter").asText())
        .isEqualTo("Encounter/" + a.get("visitId").asText());
    for (String type : List.of("Patient", "Coverage", "Encounter", "CoverageEligibilityResponse")) {
      Resource resource = read(a.at("/resources/" + type).asText());
      OperationOutcome outcome = FhirValidation.validate(resource);
      assertThat(FhirValidation.hasErrors(outcome))
          .as(type + ": " + FhirContexts.r4().newJsonParser().encodeResourceToString(outcome))
          .isFalse();
    }
    String patient =
        FhirContexts.r4()
            .newJsonParser()
            .encodeResourceToString(read(a.at("/resources/Patient").asText()));
    assertThat(patient).contains("7912345678").contains("BN0001").contains("Nguyễn");
    Encounter e = (Encounter) read(a.at("/resources/Encounter").asText());
    assertThat(e.getStatus()).isEqualTo(Encounter.EncounterStatus.INPROGRESS);
    assertThat(e.getClass_().getCode()).isEqualTo("AMB");
    assertThat(e.getIdentifierFirstRep().getValue()).isEqualTo("LK2026-0001");
  }

  @Test
  void anInvalidCardIsRefusedUnlessTheVisitIsSelfPaid() throws Exception {
    String expired =
        "{\"cardNumber\":\""
            + DemoCards.EXPIRED
            + "\",\"name\":\"Lê Việt Hưng\",\"birthDate\":\"1985-09-04\"";
    HttpResponse<String> unknown = post("/api/v1/visits", expired + ",\"ward\":\"A\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(Json.mapper().readTree(unknown.body()).get("code").asText()).isEqualTo("VIS-0005");
    assertThat(unknown.body()).contains("unknown field 'ward'");
    HttpResponse<String> refused = post("/api/v1/visits", expired + "}");
    assertThat(refused.statusCode()).isEqualTo(422);
    JsonNode problem = Json.mapper().readTree(refused.body());
    assertThat(problem.get("code").asText()).isEqualTo("VIS-0001");
    assertThat(problem.at("/check/result").asText()).isEqualTo("010");
    assertThat(post("/api/v1/visits", expired + ",\"selfPay\":true}").statusCode()).isEqualTo(400);
    HttpResponse<String> selfPaid =
        post("/api/v1/visits", expired + ",\"selfPay\":true,\"selfPayReason\":\"thẻ hết hạn\"}");
    assertThat(selfPaid.statusCode()).as(selfPaid.body()).isEqualTo(201);
    Resource e = read(Json.mapper().readTree(selfPaid.body()).at("/resources/Encounter").asText());
    assertThat(FhirValidation.hasErrors(FhirValidation.validate(e))).isFalse();
  }

  @Test
  void aCheckInFindsThePatientPostedToTheFhirApiWithTheCardsSocialInsuranceNumber()
      throws Exception {
    String patient =
        "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\""
            + vn.bhyt.fhir.Identifiers.SSN
            + "\",\"value\":\"0900400931\"}],\"name\":[{\"family\":\"Trần\",\"given\":[\"Thị Bình\"]}]}";
    HttpRequest.Builder fhir =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/fhir/Patient"))
            .header("Authorization", "Bearer " + reception)
            .header("Content-Type", "application/fhir+json")
            .POST(HttpRequest.BodyPublishers.ofString(patient));
    HttpResponse<String> first = http.send(fhir.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    String id = Json.mapper().readTree(first.body()).get("id").asText();
    HttpResponse<String> second = http.send(fhir.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(second.body()).contains("Patient/" + id).doesNotContain("0900400931");
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> in =
          post(
              "/api/v1/visits",
              "{\"cardNumber\":\"HS4790900400931\",\"name\":\"Trần Thị Bình\",\"birthDate\":\"2008\","
                  + "\"selfPay\":true,\"selfPayReason\":\"thẻ bị thu hồi\"}");
      assertThat(in.statusCode()).as(in.body()).isEqualTo(201);
      assertThat(Json.mapper().readTree(in.body()).at("/resources/Patient").asText())
          .isEqualTo("Patient/" + id);
    }
    assertThat(count("Patient", "0900400931")).isEqualTo(1);
  }

  @Test
  void twentyParallelCheckInsOfOnePersonMakeOnePatient() throws Exception {
    String body =
        "{\"cardNumber\":\"CB2797900000006\",\"name\":\"Ngô Đức Long\",\"birthDate\":\"1948\","
            + "\"visit\":{\"kind\":\"inpatient\"}}";
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Future<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        calls.add(pool.submit(() -> post("/api/v1/visits", body)));
      }
      Set<String> patients = new HashSet<>();
      Set<String> encounters = new HashSet<>();
      for (Future<HttpResponse<String>> call : calls) {
        HttpResponse<String> r = call.get();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode a = Json.mapper().readTree(r.body());
        patients.add(a.at("/resources/Patient").asText());
        encounters.add(a.at("/resources/Encounter").asText());
      }
      assertThat(patients).hasSize(1);
      assertThat(encounters).hasSize(20);
      assertThat(count("Patient", "7900000006")).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentCheckInsOfDifferentPeopleDoNotDeadlock() throws Exception {
    List<String> bodies =
        List.of(
            "{\"cardNumber\":\"QN5977900000007\",\"name\":\"Dương Gia Bảo\",\"birthDate\":\"1995-04-30\"}",
            "{\"cardNumber\":\"HC4797900000008\",\"name\":\"Lý Kim Yến\",\"birthDate\":\"1983-06-15\"}",
            "{\"cardNumber\":\"HT3010100000005\",\"name\":\"Bùi Quốc Hải\",\"birthDate\":\"1950-08-08\"}",
            "{\"cardNumber\":\"0204287018\",\"name\":\"Hoàng Xuân Hấn\",\"birthDate\":\"1981-07-30\"}");
    ExecutorService pool = Executors.newFixedThreadPool(24);
    try {
      List<Future<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 48; i++) {
        String body = bodies.get(i % bodies.size());
        calls.add(pool.submit(() -> post("/api/v1/visits", body)));
      }
      for (Future<HttpResponse<String>> call : calls) {
        HttpResponse<String> r = call.get();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(count("Patient", "7900000007")).isEqualTo(1);
    assertThat(count("Patient", "0204287018")).isEqualTo(1);
  }

  @Test
  void dischargeFinishesTheEncounterOnce() throws Exception {
    HttpResponse<String> in =
        post(
            "/api/v1/visits",
            "{\"cardNumber\":\""
                + DemoCards.VALID
                + "\",\"name\":\"Nguyễn Văn An\",\"birthDate\":\"1990-01-31\","
                + "\"start\":\"2026-11-23T08:00:00+07:00\",\"referralNumber\":\"GCT-123\"}");
    assertThat(in.statusCode()).as(in.body()).isEqualTo(201);
    String id = Json.mapper().readTree(in.body()).get("visitId").asText();
    String discharge = "/api/v1/visits/" + id + "/discharge";
    assertThat(
            post(discharge, "{\"end\":\"2026-11-23T07:00:00+07:00\",\"dischargeType\":\"home\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            post(
                    discharge,
                    "{\"end\":\"2026-11-23T11:30:00+07:00\",\"dischargeType\":\"teleport\"}")
                .statusCode())
        .isEqualTo(400);
    HttpResponse<String> out =
        post(discharge, "{\"end\":\"2026-11-23T11:30:00+07:00\",\"dischargeType\":\"home\"}");
    assertThat(out.statusCode()).as(out.body()).isEqualTo(200);
    Encounter e = (Encounter) read("Encounter/" + id);
    assertThat(e.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
    assertThat(e.getPeriod().getEnd()).isNotNull();
    assertThat(e.getMeta().getVersionId()).isEqualTo("2");
    assertThat(FhirValidation.hasErrors(FhirValidation.validate(e))).isFalse();
    assertThat(post(discharge + "?dischargetype=home", "{\"dischargeType\":\"home\"}").body())
        .contains("GEN-0008");
    assertThat(post(discharge, "{\"dischargeType\":\"home\"}").statusCode()).isEqualTo(409);
    assertThat(post("/api/v1/visits/NOPE/discharge", "{\"dischargeType\":\"home\"}").statusCode())
        .isEqualTo(404);
  }

  /** Check-ins of fuzzed cards and visit fields: opened or refused with a 4xx, never a 5xx. */
  @Test
  void fuzzedCheckInsAreOpenedOrRefusedNeverFailed() throws Exception {
    ReceptionFuzz fuzz = new ReceptionFuzz(7122026L);
    String valid = Demo.validCardQr(HERE, TODAY);
    for (int i = 0; i < 150; i++) {
      String body = new String(ReceptionFuzz.json(fuzz.checkIn(valid)), StandardCharsets.UTF_8);
      HttpResponse<String> r = post("/api/v1/visits", body);
      assertThat(r.statusCode()).as("case %d: %s", i, r.body()).isIn(201, 400, 409, 422);
    }
  }

  @Test
  void misspeltCheckInParametersWereIgnoredAndAreRefused() throws Exception {
    String typed =
        "{\"cardNumber\":\""
            + DemoCards.VALID
            + "\",\"name\":\"Nguyễn Văn An\",\"birthDate\":\"1990-01-31\"}";
    HttpResponse<String> json = post("/api/v1/visits?hisVisitKey=LK1", typed);
    assertThat(json.statusCode()).isEqualTo(400);
    assertThat(json.body()).contains("GEN-0008");
    String qr = Demo.validCardQr(HERE, TODAY);
    HttpResponse<String> text =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + "/api/v1/visits?hisvisitkey=LK1"))
                .header("Authorization", "Bearer " + reception)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(qr))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(text.statusCode()).isEqualTo(400);
    assertThat(text.body()).contains("GEN-0008").contains("hisvisitkey");
  }

  @Test
  void aDoubleClickWithTheSameHisVisitKeyOpensOneVisit() throws Exception {
    String body =
        "{\"cardNumber\":\""
            + DemoCards.VALID
            + "\",\"name\":\"Nguyễn Văn An\",\"birthDate\":\"1990-01-31\","
            + "\"hisVisitKey\":\"LK|2026,12$07\\\\1\"}";
    HttpResponse<String> first = post("/api/v1/visits", body);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    String id = Json.mapper().readTree(first.body()).get("visitId").asText();
    HttpResponse<String> again = post("/api/v1/visits", body);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(Json.mapper().readTree(again.body()).get("visitId").asText()).isEqualTo(id);
    assertThat(Json.mapper().readTree(again.body()).get("opened").asBoolean()).isFalse();

    String racing = body.replace("LK|2026,12$07", "LK-RACE");
    ExecutorService racers = Executors.newFixedThreadPool(10);
    try {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        answers.add(
            racers.submit(
                () -> {
                  go.await();
                  return post("/api/v1/visits", racing);
                }));
      }
      go.countDown();
      Set<String> visits = new HashSet<>();
      int opened = 0;
      for (Future<HttpResponse<String>> a : answers) {
        HttpResponse<String> r = a.get();
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
        opened += r.statusCode() == 201 ? 1 : 0;
        visits.add(Json.mapper().readTree(r.body()).get("visitId").asText());
      }
      assertThat(visits).hasSize(1);
      assertThat(opened).isEqualTo(1);
    } finally {
      racers.shutdownNow();
    }
  }

  @Test
  void twentyConcurrentDischargesOfOneVisitFinishItOnceAndTheRestAre409() throws Exception {
    HttpResponse<String> in =
        post(
            "/api/v1/visits",
            "{\"cardNumber\":\""
                + DemoCards.VALID
                + "\",\"name\":\"Nguyễn Văn An\",\"birthDate\":\"1990-01-31\"}");
    assertThat(in.statusCode()).as(in.body()).isEqualTo(201);
    String id = Json.mapper().readTree(in.body()).get("visitId").asText();
    java.util.concurrent.ExecutorService racers =
        java.util.concurrent.Executors.newFixedThreadPool(20);
    try {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < 20; i++) {
        answers.add(
            racers.submit(
                () -> {
                  go.await();
                  return post(
                      "/api/v1/visits/" + id + "/discharge", "{\"dischargeType\":\"home\"}");
                }));
      }
      go.countDown();
      Map<Integer, Integer> statuses = new java.util.TreeMap<>();
      for (var a : answers) {
        HttpResponse<String> r = a.get();
        statuses.merge(r.statusCode(), 1, Integer::sum);
      }
      assertThat(statuses).isEqualTo(Map.of(200, 1, 409, 19));
    } finally {
      racers.shutdownNow();
    }
    Encounter e = (Encounter) read("Encounter/" + id);
    assertThat(e.getMeta().getVersionId()).isEqualTo("2");
  }

  @Test
  void fhirClientsCheckCardsWithACoverageEligibilityRequest() throws Exception {
    String request =
        "{\"resourceType\":\"CoverageEligibilityRequest\",\"status\":\"active\","
            + "\"purpose\":[\"validation\"],\"created\":\"2026-11-23\",\"insurer\":{\"display\":\"BHXH\"},"
            + "\"contained\":[{\"resourceType\":\"Patient\",\"id\":\"p\",\"name\":[{\"text\":\"Nguyễn Văn An\"}],"
            + "\"birthDate\":\"1990-01-31\"},{\"resourceType\":\"Coverage\",\"id\":\"c\",\"status\":\"active\","
            + "\"subscriberId\":\""
            + DemoCards.VALID
            + "\",\"beneficiary\":{\"reference\":\"#p\"},"
            + "\"payor\":[{\"display\":\"BHXH\"}]}],\"patient\":{\"reference\":\"#p\"},"
            + "\"insurance\":[{\"coverage\":{\"reference\":\"#c\"}}]}";
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + app.port() + "/fhir/CoverageEligibilityRequest"))
                .header("Authorization", "Bearer " + reception)
                .header("Content-Type", "application/fhir+json")
                .header("Accept", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(request))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    var response =
        FhirContexts.r4()
            .newJsonParser()
            .parseResource(org.hl7.fhir.r4.model.CoverageEligibilityResponse.class, r.body());
    assertThat(response.getDisposition()).isEqualTo("Thông tin thẻ chính xác");
    assertThat(response.getInsuranceFirstRep().getInforce()).isTrue();
    assertThat(
            response
                .getInsuranceFirstRep()
                .getItemFirstRep()
                .getBenefitFirstRep()
                .getAllowedStringType()
                .getValue())
        .isEqualTo("80");
    assertThat(r.body()).contains("\"code\":\"000\"");
    assertThat(FhirValidation.hasErrors(FhirValidation.validate(response))).isFalse();
    for (String birth : new String[] {"0999", "0999-01-31"}) {
      HttpResponse<String> bad =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://127.0.0.1:" + app.port() + "/fhir/CoverageEligibilityRequest"))
                  .header("Authorization", "Bearer " + reception)
                  .header("Content-Type", "application/fhir+json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          request.replace(
                              "\"birthDate\":\"1990-01-31\"", "\"birthDate\":\"" + birth + "\"")))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
      assertThat(bad.body()).contains("OperationOutcome").doesNotContain(birth);
    }
  }

  private static long count(String type, String ssn) throws Exception {
    try (Connection c = app.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(DISTINCT res_id) FROM fhir_token_index WHERE res_type = '"
                    + type
                    + "' AND param = 'identifier' AND value = '"
                    + ssn
                    + "'")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
