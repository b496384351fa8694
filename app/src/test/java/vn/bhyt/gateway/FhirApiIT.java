package vn.bhyt.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.SearchStyleEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Enumerations.RemittanceOutcome;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bhyt.auth.Role;
import vn.bhyt.config.ConfigLoader;
import vn.bhyt.config.GatewayConfig;
import vn.bhyt.fhir.FhirContexts;
import vn.bhyt.fhir.FhirValidation;
import vn.bhyt.persistence.TestDatabase;

/**
 * The gateway's FHIR API driven by HAPI FHIR's own generic client, in JSON and in XML: a real
 * server on a free port, a real MariaDB.
 */
class FhirApiIT {
  static final String CARDS = "https://bhxh.gov.vn/the-bhyt";
  static final FhirContext ctx = FhirContexts.r4();
  static TestDatabase db;
  static GatewayApp app;
  static IGenericClient json;
  static IGenericClient xml;
  static IGenericClient billing;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create();
    GatewayConfig config =
        ConfigLoader.load("", Map.of("GATEWAY_HTTP_PORT", "0")).withDb(db.config());
    app = GatewayApp.start(config);
    // The gateway loads the validator in the background; a first write waits for it.
    FhirValidation.r4();
    ctx.getRestfulClientFactory().setSocketTimeout(60_000);
    String reception = app.tokens().create(Role.RECEPTION, "his");
    json = client(reception, EncodingEnum.JSON);
    xml = client(reception, EncodingEnum.XML);
    billing = client(app.tokens().create(Role.BILLING, "billing"), EncodingEnum.JSON);
  }

  @AfterAll
  static void stop() {
    app.close();
    db.close();
  }

  static IGenericClient client(String token, EncodingEnum encoding) {
    IGenericClient c = ctx.newRestfulGenericClient("http://127.0.0.1:" + app.port() + "/fhir");
    c.registerInterceptor(new BearerTokenAuthInterceptor(token));
    c.setEncoding(encoding);
    return c;
  }

  static String card() {
    return "DN" + UUID.randomUUID().toString().replace("-", "").substring(0, 13);
  }

  static Patient patient(String card) {
    Patient p = new Patient();
    p.addIdentifier().setSystem(CARDS).setValue(card);
    p.addName().setFamily("Nguyễn").addGiven("Văn An");
    p.setGender(AdministrativeGender.MALE);
    p.setBirthDateElement(new DateType("1990-01-31"));
    return p;
  }

  @Test
  void readinessTellsThatTheValidatorIsLoaded() throws Exception {
    HttpResponse<String> ready =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.port() + "/health/ready"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("\"fhirValidator\":\"loaded\"");
  }

  @Test
  void capabilities() {
    CapabilityStatement cs = json.capabilities().ofType(CapabilityStatement.class).execute();
    assertThat(cs.getFhirVersion().toCode()).isEqualTo("4.0.1");
    assertThat(cs.getRestFirstRep().getResource())
        .extracting(r -> r.getType())
        .containsExactly(
            "Patient",
            "Coverage",
            "Encounter",
            "CoverageEligibilityResponse",
            "Organization",
            "CoverageEligibilityRequest",
            "Claim",
            "ClaimResponse");
  }

  @Test
  void createReadAndSearchInJsonAndXml() {
    for (IGenericClient client : new IGenericClient[] {json, xml}) {
      String card = card();
      MethodOutcome created = client.create().resource(patient(card)).execute();
      assertThat(created.getCreated()).isTrue();
      assertThat(created.getId().getVersionIdPart()).isEqualTo("1");
      String id = created.getId().getIdPart();

      Patient read = client.read().resource(Patient.class).withId(id).execute();
      assertThat(read.getNameFirstRep().getFamily()).isEqualTo("Nguyễn");
      assertThat(read.getMeta().getVersionId()).isEqualTo("1");

      Bundle byCard =
          client
              .search()
              .forResource(Patient.class)
              .where(Patient.IDENTIFIER.exactly().systemAndCode(CARDS, card))
              .returnBundle(Bundle.class)
              .execute();
      assertThat(byCard.getTotal()).isEqualTo(1);
      assertThat(byCard.getEntryFirstRep().getResource().getIdElement().getIdPart()).isEqualTo(id);

      Bundle byPost =
          client
              .search()
              .forResource(Patient.class)
              .where(Patient.IDENTIFIER.exactly().code(card))
              .and(Patient.NAME.matches().value("nguyen van"))
              .and(Patient.BIRTHDATE.exactly().day("1990-01-31"))
              .usingStyle(SearchStyleEnum.POST)
              .returnBundle(Bundle.class)
              .execute();
      assertThat(byPost.getTotal()).isEqualTo(1);
    }
  }

  @Test
  void pagesFollowNextLinks() {
    String family = "Trang" + UUID.randomUUID().toString().substring(0, 6);
    for (int i = 0; i < 5; i++) {
      Patient p = patient(card());
      p.getNameFirstRep().setFamily(family);
      json.create().resource(p).execute();
    }
    Bundle page =
        json.search()
            .forResource(Patient.class)
            .where(Patient.NAME.matches().value(family))
            .count(2)
            .returnBundle(Bundle.class)
            .execute();
    int seen = page.getEntry().size();
    while (page.getLink(Bundle.LINK_NEXT) != null) {
      page = json.loadPage().next(page).execute();
      seen += page.getEntry().size();
    }
    assertThat(seen).isEqualTo(5);
  }

  @Test
  void conditionalCreateAnswersTheExistingPatient() {
    String card = card();
    String url = "Patient?identifier=" + CARDS + "|" + card;
    MethodOutcome first = json.create().resource(patient(card)).conditionalByUrl(url).execute();
    MethodOutcome second = xml.create().resource(patient(card)).conditionalByUrl(url).execute();
    assertThat(first.getCreated()).isTrue();
    assertThat(first.getResponseStatusCode()).isEqualTo(201);
    assertThat(second.getResponseStatusCode()).isEqualTo(200);
    assertThat(second.getCreated()).isNotEqualTo(Boolean.TRUE);
    assertThat(second.getId().getIdPart()).isEqualTo(first.getId().getIdPart());
  }

  @Test
  void anUpdateWithAStaleEtagIsRefused() {
    String id = json.create().resource(patient(card())).execute().getId().getIdPart();
    Patient v1 = json.read().resource(Patient.class).withId(id).execute();
    v1.setGender(AdministrativeGender.FEMALE);
    MethodOutcome updated = json.update().resource(v1).execute();
    assertThat(updated.getId().getVersionIdPart()).isEqualTo("2");
    v1.setGender(AdministrativeGender.OTHER);
    assertThatThrownBy(() -> json.update().resource(v1).execute())
        .isInstanceOfSatisfying(
            PreconditionFailedException.class,
            e -> assertThat(e.getOperationOutcome()).isInstanceOf(OperationOutcome.class));
    Patient current = xml.read().resource(Patient.class).withId(id).execute();
    assertThat(current.getGender()).isEqualTo(AdministrativeGender.FEMALE);
    current.setGender(AdministrativeGender.OTHER);
    assertThat(xml.update().resource(current).execute().getId().getVersionIdPart()).isEqualTo("3");
  }

  @Test
  void anEncounterForThePatient() {
    String patientId = json.create().resource(patient(card())).execute().getId().getIdPart();
    Encounter e = new Encounter();
    e.setStatus(Encounter.EncounterStatus.INPROGRESS);
    e.getClass_().setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode").setCode("AMB");
    e.setSubject(new Reference("Patient/" + patientId));
    e.setPeriod(new Period().setStartElement(new DateTimeType("2026-11-23T08:15:00+07:00")));
    json.create().resource(e).execute();
    Bundle found =
        xml.search()
            .forResource(Encounter.class)
            .where(Encounter.PATIENT.hasId(patientId))
            .and(Encounter.DATE.exactly().day("2026-11-23"))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(found.getTotal()).isEqualTo(1);
  }

  @Test
  void eligibilityIsAnsweredByTheCardCheck() {
    CoverageEligibilityRequest request = new CoverageEligibilityRequest();
    request.setStatus(CoverageEligibilityRequest.EligibilityRequestStatus.ACTIVE);
    request.addPurpose(CoverageEligibilityRequest.EligibilityRequestPurpose.VALIDATION);
    request.setCreatedElement(new DateTimeType("2026-11-23T08:00:00+07:00"));
    request.setInsurer(new Reference().setDisplay("Bảo hiểm xã hội Việt Nam"));
    Patient person = new Patient();
    person.setId("p");
    person.addName().setText("Nguyễn Văn An");
    Coverage card = new Coverage();
    card.setId("c");
    card.setStatus(Coverage.CoverageStatus.ACTIVE);
    card.setSubscriberId("DN4797912345678");
    card.setBeneficiary(new Reference("#p"));
    card.addPayor().setDisplay("Bảo hiểm xã hội Việt Nam");
    request.addContained(person);
    request.addContained(card);
    request.setPatient(new Reference("#p"));
    request.addInsurance().setCoverage(new Reference("#c"));
    MethodOutcome outcome = json.create().resource(request).execute();
    CoverageEligibilityResponse answer = (CoverageEligibilityResponse) outcome.getResource();
    assertThat(answer.getOutcome()).isEqualTo(RemittanceOutcome.COMPLETE);
    assertThat(answer.getDisposition()).isNotBlank();
    assertThat(answer.getExtension()).isNotEmpty();
    CoverageEligibilityRequest withoutCard = request.copy();
    withoutCard.getInsurance().clear();
    withoutCard.getContained().removeIf(r -> r instanceof Coverage);
    assertThatThrownBy(() -> json.create().resource(withoutCard).execute())
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void failuresArriveAsOperationOutcomes() {
    assertOutcome(
        () -> json.read().resource(Patient.class).withId("NOPE").execute(),
        ResourceNotFoundException.class);
    assertOutcome(
        () -> json.create().resource(new Coverage()).execute(), MethodNotAllowedException.class);
    assertOutcome(
        () -> json.create().resource(new Encounter()).execute(),
        UnprocessableEntityException.class);
    assertOutcome(
        () -> json.search().byUrl("Patient?nmae=x").returnBundle(Bundle.class).execute(),
        InvalidRequestException.class);
    assertThatThrownBy(() -> billing.create().resource(patient(card())).execute())
        .isInstanceOf(BaseServerResponseException.class)
        .satisfies(
            e -> assertThat(((BaseServerResponseException) e).getStatusCode()).isEqualTo(403));
    IGenericClient anonymous =
        ctx.newRestfulGenericClient("http://127.0.0.1:" + app.port() + "/fhir");
    assertThatThrownBy(() -> anonymous.read().resource(Patient.class).withId("X").execute())
        .isInstanceOf(AuthenticationException.class);
  }

  static void assertOutcome(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
      Class<? extends BaseServerResponseException> type) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            type, e -> assertThat(e.getOperationOutcome()).isInstanceOf(OperationOutcome.class));
  }
}
