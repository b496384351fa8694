package vn.bhyt.fhir.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.RemittanceOutcome;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bhyt.auth.JdbcTokenStore;
import vn.bhyt.auth.Role;
import vn.bhyt.fhir.EligibilityService;
import vn.bhyt.fhir.FhirContexts;
import vn.bhyt.fhir.FhirStore;
import vn.bhyt.fhir.FhirValidation;
import vn.bhyt.http.HttpServer;
import vn.bhyt.http.Router;
import vn.bhyt.persistence.TestDatabase;

/** The FHIR API over HTTP: a real server on a free port, a real MariaDB, plain HTTP requests. */
class FhirHttpIT {
  static final String CARDS = "https://bhxh.gov.vn/the-bhyt";
  static final String JSON = "application/fhir+json";
  static final String XML = "application/fhir+xml";
  static TestDatabase db;
  static ExecutorService workers;
  static HttpServer server;
  static String reception;
  static String billing;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create();
    workers = Executors.newFixedThreadPool(8);
    JdbcTokenStore tokens = new JdbcTokenStore(db.dataSource(), workers);
    reception = tokens.create(Role.RECEPTION, "desk-1");
    billing = tokens.create(Role.BILLING, "his");
    EligibilityService eligibility =
        (request, caller) -> {
          CoverageEligibilityResponse r = new CoverageEligibilityResponse();
          r.setOutcome(RemittanceOutcome.COMPLETE).setDisposition("checked by " + caller.name());
          r.setPatient(request.getPatient());
          return CompletableFuture.completedFuture(r);
        };
    Router router = new Router();
    FhirRoutes.register(
        router, new FhirStore(db.dataSource(), FhirContexts.r4()), workers, eligibility);
    server = HttpServer.start("127.0.0.1", 0, 1 << 20, router, tokens, new SimpleMeterRegistry());
  }

  @AfterAll
  static void stop() {
    server.close();
    workers.shutdownNow();
    db.close();
  }

  static String base() {
    return "http://127.0.0.1:" + server.port() + "/fhir";
  }

  static HttpResponse<String> send(
      String method, String path, String token, String type, String body, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (type != null) {
      b.header("Content-Type", type);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static HttpResponse<String> get(String path, String... headers) throws Exception {
    return send("GET", path, reception, null, null, headers);
  }

  static HttpResponse<String> post(String path, Resource r, String... headers) throws Exception {
    return send("POST", path, reception, JSON, json(r), headers);
  }

  static String json(Resource r) {
    return FhirContexts.r4().newJsonParser().encodeResourceToString(r);
  }

  @SuppressWarnings("unchecked")
  static <T extends Resource> T parse(HttpResponse<String> r) {
    String type = r.headers().firstValue("Content-Type").orElse("");
    var parser =
        type.startsWith(XML) ? FhirContexts.r4().newXmlParser() : FhirContexts.r4().newJsonParser();
    return (T) parser.parseResource(r.body());
  }

  static Patient patient(String card, String family, String given) {
    Patient p = new Patient();
    p.addIdentifier().setSystem(CARDS).setValue(card);
    p.addName().setFamily(family).addGiven(given);
    p.setBirthDateElement(new DateType("1990-01-31"));
    return p;
  }

  static String card() {
    return "DN" + UUID.randomUUID().toString().replace("-", "").substring(0, 13);
  }

  static OperationOutcome assertOutcome(HttpResponse<String> r, int status, IssueType code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/fhir+"));
    OperationOutcome oo = parse(r);
    assertThat(oo.getIssueFirstRep().getCode()).isEqualTo(code);
    return oo;
  }

  @Test
  void metadataIsOpenAndValid() throws Exception {
    HttpResponse<String> r = send("GET", "/metadata", null, null, null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).contains(JSON + "; charset=utf-8");
    CapabilityStatement cs = parse(r);
    assertThat(cs.getImplementation().getUrl()).isEqualTo(base());
    assertThat(cs.getRestFirstRep().getResource())
        .extracting(CapabilityStatement.CapabilityStatementRestResourceComponent::getType)
        .containsExactly(
            "Patient",
            "Coverage",
            "Encounter",
            "CoverageEligibilityResponse",
            "Organization",
            "CoverageEligibilityRequest");
    assertThat(FhirValidation.hasErrors(FhirValidation.validate(cs))).isFalse();
    HttpResponse<String> xml = send("GET", "/metadata", null, null, null, "Accept", XML);
    assertThat(xml.headers().firstValue("Content-Type")).contains(XML + "; charset=utf-8");
    assertThat(xml.body()).startsWith("<CapabilityStatement");
  }

  @Test
  void createReadVreadUpdateHistory() throws Exception {
    HttpResponse<String> created = post("/Patient", patient(card(), "Nguyễn", "Văn An"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    Patient p = parse(created);
    String id = p.getIdElement().getIdPart();
    assertThat(created.headers().firstValue("Location"))
        .contains(base() + "/Patient/" + id + "/_history/1");
    assertThat(created.headers().firstValue("ETag")).contains("W/\"1\"");
    assertThat(created.headers().firstValue("Last-Modified")).isPresent();

    HttpResponse<String> minimal =
        post("/Patient", patient(card(), "Phan", "Minh"), "Prefer", "return=minimal");
    assertThat(minimal.statusCode()).isEqualTo(201);
    assertThat(minimal.body()).isEmpty();
    assertThat(minimal.headers().firstValue("Location")).isPresent();
    HttpResponse<String> read = get("/Patient/" + id);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.headers().firstValue("ETag")).contains("W/\"1\"");
    assertThat(read.headers().firstValue("Content-Location"))
        .contains(base() + "/Patient/" + id + "/_history/1");
    Patient current = parse(read);
    current.getNameFirstRep().setFamily("Trần");
    HttpResponse<String> updated =
        send("PUT", "/Patient/" + id, reception, JSON, json(current), "If-Match", "W/\"1\"");
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    assertThat(updated.headers().firstValue("ETag")).contains("W/\"2\"");
    HttpResponse<String> stale =
        send("PUT", "/Patient/" + id, reception, JSON, json(current), "If-Match", "W/\"1\"");
    assertOutcome(stale, 412, IssueType.CONFLICT);

    assertThat(
            ((Patient) parse(get("/Patient/" + id + "/_history/1"))).getNameFirstRep().getFamily())
        .isEqualTo("Nguyễn");
    assertOutcome(get("/Patient/" + id + "/_history/9"), 404, IssueType.NOTFOUND);
    Bundle history = parse(get("/Patient/" + id + "/_history"));
    assertThat(history.getType()).isEqualTo(Bundle.BundleType.HISTORY);
    assertThat(history.getTotal()).isEqualTo(2);
    assertThat(history.getEntry().get(0).getResponse().getEtag()).isEqualTo("W/\"2\"");
    assertThat(history.getEntry().get(1).getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.POST);
    assertThat(FhirValidation.hasErrors(FhirValidation.validate(history))).isFalse();

    HttpResponse<String> mismatch = send("PUT", "/Patient/OTHER", reception, JSON, json(current));
    assertOutcome(mismatch, 400, IssueType.INVALID);
    Patient fresh = patient(card(), "Lê", "Hưng");
    fresh.setId("client-" + UUID.randomUUID().toString().substring(0, 8));
    HttpResponse<String> createdByPut =
        send("PUT", "/Patient/" + fresh.getIdElement().getIdPart(), reception, JSON, json(fresh));
    assertThat(createdByPut.statusCode()).as(createdByPut.body()).isEqualTo(201);
  }

  @Test
  void parametersAReadOrCreateDoesNotTakeWereIgnoredAndAreRefused() throws Exception {
    HttpResponse<String> created = post("/Patient", patient(card(), "Vũ", "Thị Hoa"));
    String id = ((Patient) parse(created)).getIdElement().getIdPart();
    assertThat(get("/Patient/" + id + "?_pretty=true&_format=json").statusCode()).isEqualTo(200);
    HttpResponse<String> summary = get("/Patient/" + id + "?_summary=true");
    assertOutcome(summary, 400, IssueType.INVALID);
    assertThat(summary.body()).contains("_summary");
    assertOutcome(get("/Patient/" + id + "/_history?_count=1"), 400, IssueType.INVALID);
    assertOutcome(get("/Patient/" + id + "/_history/1?vid=2"), 400, IssueType.INVALID);
    assertOutcome(get("/metadata?mode=full"), 400, IssueType.INVALID);
    assertOutcome(
        send("POST", "/Patient?ifNoneExist=x", reception, JSON, json(patient(card(), "Vũ", "Nam"))),
        400,
        IssueType.INVALID);
  }

  @Test
  void searchPagesWithLinksByGetAndPost() throws Exception {
    String family = "Họ" + UUID.randomUUID().toString().substring(0, 6);
    for (int i = 0; i < 5; i++) {
      assertThat(post("/Patient", patient(card(), family, "Tên " + i)).statusCode()).isEqualTo(201);
    }
    String q = URLEncoder.encode(family, StandardCharsets.UTF_8);
    Bundle first = parse(get("/Patient?name=" + q + "&_count=2"));
    assertThat(first.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
    assertThat(first.getTotal()).isEqualTo(5);
    assertThat(first.getEntry()).hasSize(2);
    assertThat(first.getLink("self").getUrl()).startsWith(base() + "/Patient?name=");
    assertThat(first.getEntryFirstRep().getFullUrl()).startsWith(base() + "/Patient/");
    List<String> ids = new ArrayList<>();
    Bundle page = first;
    while (true) {
      page.getEntry().forEach(e -> ids.add(e.getResource().getIdElement().getIdPart()));
      if (page.getLink("next") == null) {
        break;
      }
      page = parse(get(page.getLink("next").getUrl()));
    }
    assertThat(ids).hasSize(5).doesNotHaveDuplicates();

    HttpResponse<String> form =
        send(
            "POST",
            "/Patient/_search",
            reception,
            "application/x-www-form-urlencoded",
            "name=" + q + "&_count=10");
    assertThat(((Bundle) parse(form)).getTotal()).isEqualTo(5);
    Bundle posted =
        parse(
            send(
                "POST",
                "/Patient/_search",
                reception,
                "application/x-www-form-urlencoded",
                "name=" + q + "&_count=2"));
    List<String> postedIds = new ArrayList<>();
    while (true) {
      for (Bundle.BundleLinkComponent link : posted.getLink()) {
        assertThat(link.getUrl()).doesNotContain(q).doesNotContain("name=").contains("_getpages=");
      }
      posted.getEntry().forEach(e -> postedIds.add(e.getResource().getIdElement().getIdPart()));
      if (posted.getLink("next") == null) {
        break;
      }
      posted = parse(get(posted.getLink("next").getUrl()));
    }
    assertThat(postedIds).containsExactlyInAnyOrderElementsOf(ids);
    assertOutcome(get("/Patient?_getpages=unknown"), 404, IssueType.NOTFOUND);
    assertOutcome(
        send("POST", "/Patient/_search", reception, JSON, "{}"), 415, IssueType.NOTSUPPORTED);
  }

  @Test
  void conditionalCreateOverHttp() throws Exception {
    String card = card();
    String criteria = "identifier=" + CARDS + "|" + card;
    HttpResponse<String> first =
        post("/Patient", patient(card, "Võ", "Dũng"), "If-None-Exist", criteria);
    HttpResponse<String> second =
        post("/Patient", patient(card, "Võ", "Dũng"), "If-None-Exist", "Patient?" + criteria);
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(((Patient) parse(second)).getIdElement().getIdPart())
        .isEqualTo(((Patient) parse(first)).getIdElement().getIdPart());
    String shared = card();
    post("/Patient", patient(shared, "A", "B"));
    post("/Patient", patient(shared, "A", "C"));
    assertOutcome(
        post("/Patient", patient(shared, "A", "D"), "If-None-Exist", "identifier=" + shared),
        412,
        IssueType.MULTIPLEMATCHES);
  }

  @Test
  void twentyParallelConditionalCreatesMakeOnePatient() throws Exception {
    String card = card();
    String body = json(patient(card, "Dương", "Gia Bảo"));
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base() + "/Patient"))
              .header("Authorization", "Bearer " + reception)
              .header("Content-Type", JSON)
              .header("If-None-Exist", "identifier=" + CARDS + "|" + card)
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      calls.add(
          HttpClient.newHttpClient()
              .sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }
    List<HttpResponse<String>> answers = calls.stream().map(CompletableFuture::join).toList();
    assertThat(answers.stream().map(HttpResponse::statusCode))
        .as(answers.stream().map(HttpResponse::body).toList().toString())
        .containsOnly(200, 201)
        .filteredOn(s -> s == 201)
        .hasSize(1);
    assertThat(
            answers.stream().map(a -> ((Patient) parse(a)).getIdElement().getIdPart()).distinct())
        .hasSize(1);
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT COUNT(*) FROM fhir_token_index WHERE res_type = 'Patient' AND value = ?")) {
      ps.setString(1, card);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
    }
  }

  static Patient person(String ssn, String family) {
    Patient p = patient(card(), family, "Văn");
    p.addIdentifier().setSystem(vn.bhyt.fhir.Identifiers.SSN).setValue(ssn);
    return p;
  }

  static String ssn() {
    return Long.toString(4_000_000_000L + (long) (Math.random() * 999_999_999L));
  }

  @Test
  void aSecondPatientWithTheSameSocialInsuranceNumberIsRefusedNamingTheFirst() throws Exception {
    String ssn = ssn();
    HttpResponse<String> first = post("/Patient", person(ssn, "Kiều"));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    String id = ((Patient) parse(first)).getIdElement().getIdPart();
    HttpResponse<String> second = post("/Patient", person(ssn, "Kiều"));
    OperationOutcome oo = assertOutcome(second, 409, IssueType.CONFLICT);
    assertThat(oo.getIssueFirstRep().getDiagnostics()).contains("Patient/" + id);
    assertThat(second.body()).doesNotContain(ssn);

    Patient other = (Patient) parse(post("/Patient", person(ssn(), "Khúc")));
    String otherId = other.getIdElement().getIdPart();
    other.addIdentifier().setSystem(vn.bhyt.fhir.Identifiers.SSN).setValue(ssn);
    HttpResponse<String> taken = send("PUT", "/Patient/" + otherId, reception, JSON, json(other));
    assertOutcome(taken, 409, IssueType.CONFLICT);
    assertThat(taken.body()).contains("Patient/" + id).doesNotContain(ssn);
    Patient fresh = person(ssn, "Kim");
    fresh.setId("client-" + UUID.randomUUID().toString().substring(0, 8));
    assertOutcome(
        send("PUT", "/Patient/" + fresh.getIdElement().getIdPart(), reception, JSON, json(fresh)),
        409,
        IssueType.CONFLICT);

    Patient same = (Patient) parse(get("/Patient/" + id));
    same.getNameFirstRep().setFamily("Kiều Thị");
    assertThat(send("PUT", "/Patient/" + id, reception, JSON, json(same)).statusCode())
        .isEqualTo(200);
    HttpResponse<String> conditional =
        post(
            "/Patient",
            person(ssn, "Kiều"),
            "If-None-Exist",
            "identifier=" + vn.bhyt.fhir.Identifiers.SSN + "|" + ssn);
    assertThat(conditional.statusCode()).isEqualTo(200);
    assertThat(((Patient) parse(conditional)).getIdElement().getIdPart()).isEqualTo(id);

    same = (Patient) parse(get("/Patient/" + id));
    same.getIdentifier().removeIf(i -> vn.bhyt.fhir.Identifiers.SSN.equals(i.getSystem()));
    assertThat(send("PUT", "/Patient/" + id, reception, JSON, json(same)).statusCode())
        .isEqualTo(200);
    assertThat(send("PUT", "/Patient/" + otherId, reception, JSON, json(other)).statusCode())
        .isEqualTo(200);
  }

  @Test
  void ofTwentyConcurrentCreatesOfOnePersonExactlyOneWins() throws Exception {
    String body = json(person(ssn(), "Lạc"));
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(
          HttpClient.newHttpClient()
              .sendAsync(
                  HttpRequest.newBuilder(URI.create(base() + "/Patient"))
                      .header("Authorization", "Bearer " + reception)
                      .header("Content-Type", JSON)
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }
    List<HttpResponse<String>> answers = calls.stream().map(CompletableFuture::join).toList();
    assertThat(answers.stream().map(HttpResponse::statusCode))
        .as(answers.stream().map(HttpResponse::body).toList().toString())
        .containsOnly(201, 409)
        .filteredOn(s -> s == 201)
        .hasSize(1);
  }

  @Test
  void xmlInAndOut() throws Exception {
    String xml =
        FhirContexts.r4().newXmlParser().encodeResourceToString(patient(card(), "Lý", "Kim Yến"));
    HttpResponse<String> created = send("POST", "/Patient", reception, XML, xml, "Accept", XML);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Content-Type")).contains(XML + "; charset=utf-8");
    Patient p = parse(created);
    HttpResponse<String> read = get("/Patient/" + p.getIdElement().getIdPart() + "?_format=xml");
    assertThat(read.body()).startsWith("<Patient");
    HttpResponse<String> json =
        get(
            "/Patient/" + p.getIdElement().getIdPart(),
            "Accept",
            "application/xml;q=0.5, application/json");
    assertThat(json.headers().firstValue("Content-Type")).contains(JSON + "; charset=utf-8");
    assertOutcome(
        get("/Patient/" + p.getIdElement().getIdPart() + "?_format=html"), 400, IssueType.INVALID);
  }

  @Test
  void validateAnswersTheIssues() throws Exception {
    HttpResponse<String> ok = post("/Patient/$validate", patient(card(), "Đỗ", "Đạt"));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(FhirValidation.hasErrors(parse(ok))).isFalse();
    Encounter bad = new Encounter();
    bad.setSubject(new Reference("Patient/X"));
    OperationOutcome issues = parse(post("/Encounter/$validate", bad));
    assertThat(FhirValidation.hasErrors(issues)).isTrue();
    Parameters wrapped = new Parameters();
    wrapped.addParameter().setName("resource").setResource(patient(card(), "Bùi", "Lan"));
    HttpResponse<String> viaParameters = post("/Patient/$validate", wrapped);
    assertThat(viaParameters.statusCode()).as(viaParameters.body()).isEqualTo(200);
    assertOutcome(post("/Encounter/$validate", patient(card(), "A", "B")), 400, IssueType.INVALID);
  }

  static String example(String name) throws java.io.IOException {
    try (var in = FhirHttpIT.class.getResourceAsStream("/r4-examples/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theR4HomeEncounterWithItsContainedLocationIsValid() throws Exception {
    String home = example("encounter-example-home.json");
    HttpResponse<String> validated = send("POST", "/Encounter/$validate", reception, JSON, home);
    assertThat(validated.statusCode()).isEqualTo(200);
    assertThat(FhirValidation.hasErrors(parse(validated))).as(validated.body()).isFalse();
    String patient =
        ((Patient) parse(post("/Patient", patient(card(), "Lâm", "Gia"))))
            .getIdElement()
            .getIdPart();
    String stored =
        home.replace("Patient/example", "Patient/" + patient)
            .replace(
                ",\n      \"individual\": {\n        \"reference\": \"Practitioner/example\",\n"
                    + "        \"display\": \"Dr Adam Careful\"\n      }",
                "");
    assertThat(stored).doesNotContain("Practitioner");
    HttpResponse<String> created = send("POST", "/Encounter", reception, JSON, stored);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = ((Encounter) parse(created)).getIdElement().getIdPart();
    HttpResponse<String> read = get("/Encounter/" + id);
    assertThat(((Encounter) parse(read)).getContained()).hasSize(1);
    HttpResponse<String> again = send("PUT", "/Encounter/" + id, reception, JSON, read.body());
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
  }

  static Encounter encounterOf(String subject) {
    Encounter e = new Encounter();
    e.setStatus(Encounter.EncounterStatus.INPROGRESS);
    e.getClass_().setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode").setCode("AMB");
    e.setSubject(new Reference(subject));
    return e;
  }

  @Test
  void aReferenceMustNameAStoredResourceOfATypeItsElementAllows() throws Exception {
    String patient =
        ((Patient) parse(post("/Patient", patient(card(), "Tạ", "Quang"))))
            .getIdElement()
            .getIdPart();
    HttpResponse<String> ok = post("/Encounter", encounterOf("Patient/" + patient));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    String encounter = ((Encounter) parse(ok)).getIdElement().getIdPart();
    String card = card();
    for (String subject :
        List.of(
            "Patient/does-not-exist",
            "Patient/" + card,
            "https://elsewhere.example/fhir/Patient/" + patient,
            "../../x",
            "Patient/",
            "Encounter/" + encounter,
            "Nothing/" + patient)) {
      HttpResponse<String> refused = post("/Encounter", encounterOf(subject));
      OperationOutcome oo = assertOutcome(refused, 422, IssueType.PROCESSING);
      assertThat(oo.getIssueFirstRep().getExpression().get(0).getValue())
          .as(subject)
          .isEqualTo("Encounter.subject");
      assertThat(refused.body()).doesNotContain(card);
      Encounter update = encounterOf(subject);
      update.setId(encounter);
      assertOutcome(
          send("PUT", "/Encounter/" + encounter, reception, JSON, json(update)),
          422,
          IssueType.PROCESSING);
      assertOutcome(
          post("/Encounter", encounterOf(subject), "If-None-Exist", "identifier=" + card),
          422,
          IssueType.PROCESSING);
    }
    assertThat(((Encounter) parse(get("/Encounter/" + encounter))).getSubject().getReference())
        .isEqualTo("Patient/" + patient);
    Encounter contained = encounterOf("#p");
    contained.addContained(patient(card(), "Mai", "Lan").setId("p"));
    HttpResponse<String> withContained = post("/Encounter", contained);
    assertThat(withContained.statusCode()).as(withContained.body()).isEqualTo(201);
    Encounter inOrganization = encounterOf("Patient/" + patient);
    inOrganization.setServiceProvider(new Reference("Patient/" + patient));
    OperationOutcome wrongType =
        assertOutcome(post("/Encounter", inOrganization), 422, IssueType.PROCESSING);
    assertThat(wrongType.getIssueFirstRep().getDiagnostics()).contains("Organization");
  }

  @Test
  void eligibilityGoesToTheService() throws Exception {
    CoverageEligibilityRequest request = new CoverageEligibilityRequest();
    request.setStatus(CoverageEligibilityRequest.EligibilityRequestStatus.ACTIVE);
    request.addPurpose(CoverageEligibilityRequest.EligibilityRequestPurpose.VALIDATION);
    request.setPatient(new Reference("Patient/P1"));
    request.setCreatedElement(new org.hl7.fhir.r4.model.DateTimeType("2026-11-23T08:00:00+07:00"));
    request.setInsurer(new Reference().setDisplay("BHXH Việt Nam"));
    HttpResponse<String> r = post("/CoverageEligibilityRequest", request);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    CoverageEligibilityResponse answer = parse(r);
    assertThat(answer.getDisposition()).isEqualTo("checked by desk-1");
    request.setPatient(null);
    assertOutcome(post("/CoverageEligibilityRequest", request), 422, IssueType.PROCESSING);
    assertOutcome(
        send("POST", "/CoverageEligibilityRequest", billing, JSON, json(request)),
        403,
        IssueType.FORBIDDEN);
  }

  @Test
  void everyErrorIsAnOperationOutcome() throws Exception {
    assertOutcome(get("/Patient?nmae=x"), 400, IssueType.INVALID);
    assertOutcome(
        send("POST", "/Patient", reception, JSON, "{\"resourceType\":\"Patient\",\"x\":1}"),
        400,
        IssueType.STRUCTURE);
    assertOutcome(send("POST", "/Patient", reception, JSON, "{not json"), 400, IssueType.STRUCTURE);
    assertOutcome(get("/Patient/NOPE"), 404, IssueType.NOTFOUND);
    assertOutcome(get("/Observation/1"), 404, IssueType.NOTFOUND);
    assertOutcome(get("/Nothing?x=1"), 404, IssueType.NOTFOUND);
    assertOutcome(get("/Patient/1/_history/1/extra"), 404, IssueType.NOTFOUND);
    assertOutcome(
        post("/Coverage", new org.hl7.fhir.r4.model.Coverage()), 405, IssueType.NOTSUPPORTED);
    assertOutcome(send("DELETE", "/Patient/1", reception, null, null), 405, IssueType.NOTSUPPORTED);
    assertOutcome(
        send("POST", "/Patient", reception, "text/plain", "hello"), 415, IssueType.NOTSUPPORTED);
    assertOutcome(
        send("POST", "/Patient", reception, null, json(patient(card(), "A", "B"))),
        415,
        IssueType.NOTSUPPORTED);
    Encounter incomplete = new Encounter();
    incomplete.setSubject(new Reference("Patient/X"));
    assertOutcome(post("/Encounter", incomplete), 422, IssueType.PROCESSING);
    String id =
        ((Patient) parse(post("/Patient", patient(card(), "Hồ", "Thu"))))
            .getIdElement()
            .getIdPart();
    Patient p = (Patient) parse(get("/Patient/" + id));
    assertOutcome(
        send("PUT", "/Patient/" + id, reception, JSON, json(p), "If-Match", "W/\"7\""),
        412,
        IssueType.CONFLICT);
    assertOutcome(
        send("PUT", "/Patient/" + id, reception, JSON, json(p), "If-Match", "yesterday"),
        400,
        IssueType.INVALID);
    assertOutcome(send("GET", "/Patient/1", null, null, null), 401, IssueType.LOGIN);
    assertOutcome(send("GET", "/Patient/1", "bhyt_nope", null, null), 401, IssueType.LOGIN);
    assertOutcome(
        send("POST", "/Patient", billing, JSON, json(patient(card(), "A", "B"))),
        403,
        IssueType.FORBIDDEN);
    assertOutcome(send("GET", "/Patient/1", null, null, null, "Accept", XML), 401, IssueType.LOGIN);
  }

  static HttpResponse<String> postJson(String path, String body) throws Exception {
    return send("POST", path, reception, JSON, body);
  }

  @Test
  void aNumberWhereTheElementIsAStringIsRefusedNotStoredAsText() throws Exception {
    OperationOutcome oo =
        assertOutcome(
            postJson("/Patient", "{\"resourceType\":\"Patient\",\"name\":[{\"family\":1}]}"),
            400,
            IssueType.STRUCTURE);
    assertThat(oo.getIssueFirstRep().getExpression().get(0).getValue())
        .isEqualTo("Patient.name[0].family");
    assertThat(oo.getIssueFirstRep().getDiagnostics()).contains("string").contains("number");
    for (String mismatch :
        List.of(
            "{\"resourceType\":\"Patient\",\"active\":\"true\"}",
            "{\"resourceType\":\"Patient\",\"multipleBirthInteger\":\"2\"}",
            "{\"resourceType\":\"Patient\",\"birthDate\":19900131}",
            "{\"resourceType\":\"Patient\",\"name\":{\"family\":\"A\"}}",
            "{\"resourceType\":\"Patient\",\"name\":[{\"given\":\"A\"}]}",
            "{\"resourceType\":\"Patient\",\"gender\":[\"male\"]}",
            "{\"resourceType\":\"Patient\",\"identifier\":[{\"value\":4010123456}]}",
            "{\"resourceType\":\"Patient\",\"extension\":[{\"url\":\"urn:x\",\"valueString\":5}]}",
            "{\"resourceType\":\"Patient\",\"contained\":[{\"resourceType\":\"Organization\","
                + "\"id\":\"o\",\"active\":1}],\"managingOrganization\":{\"reference\":\"#o\"}}",
            "{\"resourceType\":\"Patient\",\"_birthDate\":\"x\"}")) {
      assertOutcome(postJson("/Patient", mismatch), 400, IssueType.STRUCTURE);
      assertOutcome(postJson("/Patient/$validate", mismatch), 400, IssueType.STRUCTURE);
    }
    HttpResponse<String> typed =
        postJson(
            "/Patient",
            "{\"resourceType\":\"Patient\",\"active\":true,\"multipleBirthInteger\":2,"
                + "\"name\":[{\"family\":\"A\",\"given\":[\"B\"]}],\"_gender\":{\"extension\":"
                + "[{\"url\":\"urn:x\",\"valueBoolean\":true}]},\"gender\":\"male\"}");
    assertThat(typed.statusCode()).as(typed.body()).isEqualTo(201);
    assertThat(((Patient) parse(typed)).getMultipleBirthIntegerType().getValue()).isEqualTo(2);
  }

  @Test
  void validateSaysWhatCouldNotBeReadWithoutTheValue() throws Exception {
    String card = card();
    OperationOutcome badDate =
        assertOutcome(
            postJson(
                "/Patient/$validate",
                "{\"resourceType\":\"Patient\",\"birthDate\":\"" + card + "\"}"),
            400,
            IssueType.STRUCTURE);
    assertThat(badDate.getIssueFirstRep().getDiagnostics()).contains("birthDate");
    String number = "4010123456";
    HttpResponse<String> numbered =
        postJson(
            "/Patient/$validate",
            "{\"resourceType\":\"Patient\",\"name\":[{\"family\":" + number + "}]}");
    assertThat(numbered.body()).doesNotContain(number).contains("Patient.name[0].family");
    HttpResponse<String> misspelt =
        postJson("/Patient/$validate", "{\"resourceType\":\"Patient\",\"nmae\":[]}");
    assertThat(((OperationOutcome) parse(misspelt)).getIssueFirstRep().getDiagnostics())
        .contains("Patient.nmae");
    HttpResponse<String> broken =
        postJson("/Patient/$validate", "{\"resourceType\":\"Patient\",\n\"x\" " + card);
    assertOutcome(broken, 400, IssueType.STRUCTURE);
    assertThat(((OperationOutcome) parse(broken)).getIssueFirstRep().getDiagnostics())
        .contains("JSON")
        .contains("line 2");
    assertThat(broken.body()).doesNotContain(card);
    HttpResponse<String> brokenXml =
        send(
            "POST",
            "/Patient/$validate",
            reception,
            XML,
            "<Patient xmlns=\"http://hl7.org/fhir\"><birthDate value=\"" + card + "\"/></Patient>");
    assertOutcome(brokenXml, 400, IssueType.STRUCTURE);
    assertThat(brokenXml.body()).doesNotContain(card).contains("birthDate");
    HttpResponse<String> unclosed =
        send(
            "POST",
            "/Patient/$validate",
            reception,
            XML,
            "<Patient xmlns=\"http://hl7.org/fhir\">");
    assertThat(((OperationOutcome) parse(unclosed)).getIssueFirstRep().getDiagnostics())
        .contains("XML");
  }

  @Test
  void anUnreadableBodySaysTheKindOfErrorAndWhereOnValidateAndCreate() throws Exception {
    String card = card();
    for (String path : List.of("/Patient/$validate", "/Patient")) {
      HttpResponse<String> colon =
          postJson(path, "{\"resourceType\":\"Patient\",\n\"name\" \"" + card + "\"}");
      assertThat(assertOutcome(colon, 400, IssueType.STRUCTURE).getIssueFirstRep().getDiagnostics())
          .isEqualTo(
              "the body is not well-formed JSON (line 2, column 8): unexpected character;"
                  + " was expecting a colon to separate field name and value");
      assertThat(colon.body()).doesNotContain(card);
      HttpResponse<String> token = postJson(path, "{\"resourceType\":\"Patient\",\"x\":" + card);
      assertThat(assertOutcome(token, 400, IssueType.STRUCTURE).getIssueFirstRep().getDiagnostics())
          .startsWith("the body is not well-formed JSON (line 1, column ")
          .endsWith(": unrecognized token");
      assertThat(token.body()).doesNotContain(card);
      HttpResponse<String> ended = postJson(path, "{\"resourceType\":\"Patient\",\"id\":\"a\"");
      assertThat(assertOutcome(ended, 400, IssueType.STRUCTURE).getIssueFirstRep().getDiagnostics())
          .contains("(line 1, column ")
          .endsWith(": unexpected end-of-input");
      HttpResponse<String> unclosed =
          send("POST", path, reception, XML, "<Patient xmlns=\"http://hl7.org/fhir\">\n<id");
      assertThat(
              assertOutcome(unclosed, 400, IssueType.STRUCTURE).getIssueFirstRep().getDiagnostics())
          .startsWith("the body is not well-formed XML (line 2, column ")
          .containsPattern("\\): [a-z]");
    }
  }

  @Test
  void anOverLongUriUnderFhirWasAProblemDocumentAndIsNowAnOperationOutcome() throws Exception {
    HttpResponse<String> r = get("/Patient?name=" + "a".repeat(5_000));
    OperationOutcome oo = assertOutcome(r, 414, IssueType.TOOLONG);
    assertThat(oo.getIssueFirstRep().getDetails().getCodingFirstRep().getCode())
        .isEqualTo("GEN-0009");
    assertThat(get("/Patient?name=" + "a".repeat(3_000)).statusCode()).isEqualTo(200);
  }

  @Test
  void overLargeHeaderFieldsUnderFhirWereAProblemDocumentAndAreNowAnOperationOutcome()
      throws Exception {
    HttpResponse<String> r = get("/metadata", "X-Big", "b".repeat(9_000));
    OperationOutcome oo = assertOutcome(r, 431, IssueType.TOOLONG);
    assertThat(oo.getIssueFirstRep().getDetails().getCodingFirstRep().getCode())
        .isEqualTo("GEN-0010");
  }

  @Test
  void anOverLargeBodyUnderFhirWasAProblemDocumentAndIsNowAnOperationOutcome() throws Exception {
    String large = "{\"resourceType\":\"Patient\",\"id\":\"" + "a".repeat(1 << 20) + "\"}";
    HttpResponse<String> r = postJson("/Patient", large);
    OperationOutcome oo = assertOutcome(r, 413, IssueType.TOOLONG);
    assertThat(oo.getIssueFirstRep().getDetails().getCodingFirstRep().getCode())
        .isEqualTo("GEN-0003");
  }

  @Test
  void validationIssuesCarryNoValueOfTheResource() throws Exception {
    String card = card();
    Patient p = patient(card(), "Nguyễn", "Văn An");
    p.addCommunication().getLanguage().addCoding().setSystem("urn:ietf:bcp:47").setCode(card);
    p.addTelecom().setValue(card);
    HttpResponse<String> validated = post("/Patient/$validate", p);
    assertThat(validated.statusCode()).isEqualTo(200);
    assertThat(FhirValidation.hasErrors(parse(validated))).isTrue();
    assertThat(validated.body()).doesNotContain(card).contains("Patient.telecom[0]");
    HttpResponse<String> refused = post("/Patient", p);
    assertOutcome(refused, 422, IssueType.PROCESSING);
    assertThat(refused.body()).doesNotContain(card);
  }

  @Test
  void errorsNeverEchoPatientData() throws Exception {
    String card = card();
    HttpResponse<String> badDate = get("/Patient?birthdate=" + card);
    assertOutcome(badDate, 400, IssueType.INVALID);
    assertThat(badDate.body()).doesNotContain(card);
    Patient p = patient(card, "Nguyễn", "Văn An");
    p.getIdentifierFirstRep()
        .getPeriod()
        .setStartElement(new org.hl7.fhir.r4.model.DateTimeType("2020"))
        .setEndElement(new org.hl7.fhir.r4.model.DateTimeType("2019"));
    HttpResponse<String> invalid = post("/Patient", p);
    assertOutcome(invalid, 422, IssueType.PROCESSING);
    assertThat(invalid.body()).doesNotContain(card).doesNotContain("Nguyễn");
    HttpResponse<String> unparsable =
        send(
            "POST",
            "/Patient",
            reception,
            JSON,
            json(p).replace("\"1990-01-31\"", "\"" + card + "\""));
    assertOutcome(unparsable, 400, IssueType.STRUCTURE);
    assertThat(unparsable.body()).doesNotContain(card);
  }
}
