package vn.bhyt.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.IParser;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bhyt.auth.Role;
import vn.bhyt.claims.assessment.ClaimReference;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.claim.ClaimDossiers;
import vn.bhyt.claims.fhirclaim.ClaimMapper;
import vn.bhyt.claims.intake.ClaimEnvelopeWriter;
import vn.bhyt.config.ConfigLoader;
import vn.bhyt.fhir.FhirContexts;
import vn.bhyt.http.Json;
import vn.bhyt.persistence.TestDatabase;

/**
 * FHIR Claims end to end: Claims posted in JSON and XML go through the claims intake and are read
 * back as Claim and ClaimResponse, as are claims submitted as XML 130.
 */
class FhirClaimIT {
  static final String JSON = "application/fhir+json";
  static final String XML = "application/fhir+xml";
  static final ClaimMapper MAPPER = new ClaimMapper(ClaimReference.builtIn());
  static final DateTimeType NOW = new DateTimeType("2026-03-10T09:00:00+07:00");
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
            ConfigLoader.load("", Map.of("GATEWAY_HTTP_PORT", "0")).withDb(db.config()));
    billing = app.tokens().create(Role.BILLING, "his-billing");
    inspector = app.tokens().create(Role.INSPECTOR, "inspector-1");
    reception = app.tokens().create(Role.RECEPTION, "desk-1");
  }

  @AfterAll
  static void stop() {
    app.close();
    db.close();
  }

  static HttpResponse<String> post(String path, String type, String body, String token)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", type)
            .header("Accept", type.startsWith("application/fhir") ? type : JSON)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(String path, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static IParser json() {
    return FhirContexts.r4().newJsonParser();
  }

  static String json(Claim claim) {
    return json().encodeResourceToString(claim);
  }

  static <T extends org.hl7.fhir.instance.model.api.IBaseResource> T parse(
      HttpResponse<String> r, int status, Class<T> type) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return json().parseResource(type, r.body());
  }

  static String claimId(HttpResponse<String> created) {
    String location = created.headers().firstValue("Location").orElseThrow();
    assertThat(location).contains("/fhir/Claim/");
    return location.substring(location.lastIndexOf('/') + 1);
  }

  static int versions() throws Exception {
    try (Connection c = app.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM claim_version");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void aJsonClaimIsStoredAnsweredAndReadBack() throws Exception {
    ClaimDossier dossier = ClaimDossiers.aVisit().seed(901).withLines(6).build();
    String body = json(MAPPER.toClaim(dossier, null, NOW));
    HttpResponse<String> created = post("/fhir/Claim", JSON, body, billing);
    ClaimResponse response = parse(created, 201, ClaimResponse.class);
    String id = claimId(created);
    assertThat(response.getRequest().getReference()).isEqualTo("Claim/" + id);
    assertThat(response.getItem()).hasSize(6);
    assertThat(response.getTotal()).hasSize(4);

    Claim read = parse(get("/fhir/Claim/" + id, inspector), 200, Claim.class);
    ClaimDossier back = MAPPER.toDossier(read);
    for (String table : List.of(ClaimDossier.SUMMARY, ClaimDossier.DRUGS, ClaimDossier.SERVICES)) {
      assertThat(back.rows(table)).as(table).isEqualTo(dossier.rows(table));
    }
    ClaimResponse again =
        parse(get("/fhir/ClaimResponse/" + id, billing), 200, ClaimResponse.class);
    assertThat(again.getOutcome()).isEqualTo(response.getOutcome());
    assertThat(again.getItem()).hasSize(6);
    assertThat(get("/api/v1/claims/" + id, inspector).statusCode()).isEqualTo(200);
    Bundle found =
        parse(get("/fhir/ClaimResponse?request=Claim/" + id, inspector), 200, Bundle.class);
    assertThat(found.getTotal()).isEqualTo(1);
    assertThat(found.getEntryFirstRep().getResource().getIdPart()).isEqualTo(id);
    Bundle none =
        parse(get("/fhir/ClaimResponse?request=Claim/NOSUCHCLAIM", inspector), 200, Bundle.class);
    assertThat(none.getTotal()).isZero();
    assertOutcome(get("/fhir/ClaimResponse?patient=x", inspector), 400, "");

    int stored = versions();
    HttpResponse<String> repeated = post("/fhir/Claim", JSON, body, billing);
    assertThat(repeated.statusCode()).as(repeated.body()).isEqualTo(200);
    assertThat(claimId(repeated)).isEqualTo(id);
    assertThat(versions()).isEqualTo(stored);
  }

  @Test
  void anXmlClaimIsAnsweredInXml() throws Exception {
    ClaimDossier dossier = ClaimDossiers.aVisit().seed(902).withLines(3).inpatient().build();
    String body =
        FhirContexts.r4().newXmlParser().encodeResourceToString(MAPPER.toClaim(dossier, null, NOW));
    HttpResponse<String> created = post("/fhir/Claim", XML, body, billing);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    ClaimResponse response =
        FhirContexts.r4().newXmlParser().parseResource(ClaimResponse.class, created.body());
    assertThat(response.getItem()).hasSize(3);
    Claim read = parse(get("/fhir/Claim/" + claimId(created), billing), 200, Claim.class);
    assertThat(read.getType().getCodingFirstRep().getCode()).isEqualTo("institutional");
  }

  @Test
  void aBrokenFundShareGivesAnErrorOnItsItem() throws Exception {
    ClaimDossier dossier =
        ClaimDossiers.aVisit()
            .seed(903)
            .withDrugLines(1)
            .withServiceLines(2)
            .with(ClaimDossier.SERVICES, 1, "T_BHTT", "1.00")
            .build();
    HttpResponse<String> created =
        post("/fhir/Claim", JSON, json(MAPPER.toClaim(dossier, null, NOW)), billing);
    ClaimResponse response = parse(created, 201, ClaimResponse.class);
    assertThat(response.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.ERROR);
    assertThat(response.getError()).anySatisfy(e -> assertThat(e.getItemSequence()).isEqualTo(2));
    assertThat(response.getProcessNote())
        .anySatisfy(n -> assertThat(n.getText()).contains("T_BHTT"));
  }

  @Test
  void badClaimsAreAnsweredWithOperationOutcomes() throws Exception {
    Claim noKey = MAPPER.toClaim(ClaimDossiers.aVisit().seed(904).build(), null, NOW);
    noKey.getIdentifier().clear();
    assertOutcome(post("/fhir/Claim", JSON, json(noKey), billing), 422, "Claim.identifier");
    Claim noItems = MAPPER.toClaim(ClaimDossiers.aVisit().seed(905).build(), null, NOW);
    noItems.getItem().clear();
    assertOutcome(post("/fhir/Claim", JSON, json(noItems), billing), 422, "Claim.item");
    Claim negative = MAPPER.toClaim(ClaimDossiers.aVisit().seed(906).build(), null, NOW);
    negative.getItemFirstRep().getNet().setValue(-1);
    assertOutcome(post("/fhir/Claim", JSON, json(negative), billing), 422, "Claim.item[0].net");
    String patient = json().encodeResourceToString(new Patient().setActive(true));
    assertOutcome(post("/fhir/Claim", JSON, patient, billing), 400, "Claim");
    assertOutcome(post("/fhir/Claim", JSON, "{not json", billing), 400, "");
    assertThat(post("/fhir/Claim", JSON, json(noKey), reception).statusCode()).isEqualTo(403);
    assertOutcome(get("/fhir/Claim/NOSUCHCLAIM", billing), 404, "");
    assertOutcome(get("/fhir/ClaimResponse/NOSUCHCLAIM", billing), 404, "");
  }

  @Test
  void anItemAmountNoTotalColumnHoldsWasAnInternalErrorAndIsAnOperationOutcome() throws Exception {
    ClaimDossier dossier =
        ClaimDossiers.aVisit()
            .seed(907)
            .withDrugLines(1)
            .withServiceLines(2)
            .with(ClaimDossier.SERVICES, 2, "THANH_TIEN_BV", "100000000000000000")
            .build();
    int before = versions();
    HttpResponse<String> r =
        post("/fhir/Claim", JSON, json(MAPPER.toClaim(dossier, null, NOW)), billing);

    assertOutcome(r, 422, "THANH_TIEN_BV");
    assertThat(r.body()).doesNotContain("100000000000000000");
    assertThat(versions()).isEqualTo(before);
  }

  @Test
  void aClaimSubmittedAsXml130IsReadableAsFhir() throws Exception {
    ClaimDossier dossier = ClaimDossiers.aVisit().seed(907).withLines(4).build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ClaimEnvelopeWriter.write(out, dossier.facilityCode(), "20261120", List.of(dossier));
    HttpResponse<String> submitted =
        post("/api/v1/claims", "application/xml", out.toString(StandardCharsets.UTF_8), billing);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
    String id = Json.mapper().readTree(submitted.body()).at("/claims/0/claimId").asText();
    Claim claim = parse(get("/fhir/Claim/" + id, inspector), 200, Claim.class);
    assertThat(claim.getIdentifierFirstRep().getValue()).isEqualTo(dossier.maLk().orElseThrow());
    assertThat(claim.getItem()).hasSize(4);
    ClaimResponse response =
        parse(get("/fhir/ClaimResponse/" + id, inspector), 200, ClaimResponse.class);
    assertThat(response.getItem()).hasSize(4);

    Claim same = MAPPER.toClaim(dossier, null, NOW);
    HttpResponse<String> asFhir = post("/fhir/Claim", JSON, json(same), billing);
    assertThat(asFhir.statusCode()).as(asFhir.body()).isEqualTo(201);
    assertThat(claimId(asFhir)).as("the same visit key, a new version").isEqualTo(id);
    assertThat(asFhir.headers().firstValue("ETag")).hasValue("W/\"2\"");
  }

  @Test
  void aChangeToAForwardedClaimIsAConflict() throws Exception {
    ClaimDossier dossier = ClaimDossiers.aVisit().seed(908).withLines(2).build();
    Claim claim = MAPPER.toClaim(dossier, null, NOW);
    HttpResponse<String> created = post("/fhir/Claim", JSON, json(claim), billing);
    String id = claimId(created);
    try (Connection c = app.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE claim_version SET forwarded_at = NOW(3) WHERE claim_id = ?")) {
      ps.setString(1, id);
      ps.executeUpdate();
    }
    claim.getItemFirstRep().getQuantity().setValue(99);
    assertOutcome(post("/fhir/Claim", JSON, json(claim), billing), 409, "");
  }

  @Test
  void metadataListsClaimAndClaimResponse() throws Exception {
    CapabilityStatement cs = parse(get("/fhir/metadata", billing), 200, CapabilityStatement.class);
    List<CapabilityStatementRestResourceComponent> resources = cs.getRestFirstRep().getResource();
    assertThat(interactions(resources, "Claim")).containsExactly("create", "read");
    assertThat(interactions(resources, "ClaimResponse")).containsExactly("read", "search-type");
  }

  private static List<String> interactions(
      List<CapabilityStatementRestResourceComponent> resources, String type) {
    return resources.stream()
        .filter(r -> r.getType().equals(type))
        .flatMap(r -> r.getInteraction().stream())
        .map(i -> i.getCode().toCode())
        .toList();
  }

  private static void assertOutcome(HttpResponse<String> r, int status, String expression) {
    OperationOutcome oo = parse(r, status, OperationOutcome.class);
    assertThat(oo.getIssue()).isNotEmpty();
    if (!expression.isEmpty()) {
      assertThat(r.body()).contains(expression);
    }
  }
}
