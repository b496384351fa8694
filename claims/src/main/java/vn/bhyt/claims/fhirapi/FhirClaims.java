package vn.bhyt.claims.fhirapi;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceVersionPolicy;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import vn.bhyt.auth.Role;
import vn.bhyt.claims.fhirclaim.ClaimMapper;
import vn.bhyt.claims.fhirclaim.ClaimResponseMapper;
import vn.bhyt.claims.forwarding.JdbcOutbox;
import vn.bhyt.claims.intake.ClaimEnvelopeReader;
import vn.bhyt.claims.store.JdbcClaims;
import vn.bhyt.claims.submission.ClaimIntake;
import vn.bhyt.fhir.rest.FhirApi;
import vn.bhyt.fhir.rest.FhirContribution;
import vn.bhyt.http.Method;
import vn.bhyt.http.Router;

/**
 * The {@code Claim} and {@code ClaimResponse} endpoints the claims module adds to the FHIR API:
 * {@code POST /fhir/Claim} (billing) goes through the claims intake as an XML submission does; the
 * reads of Claim and ClaimResponse (billing, inspector) are built from the stored claims.
 */
public final class FhirClaims implements FhirContribution {
  private static final Set<Role> CLAIM_READERS = EnumSet.of(Role.BILLING, Role.INSPECTOR);

  final ClaimIntake intake;
  final JdbcClaims claims;
  final ClaimEnvelopeReader reader;
  final ClaimMapper mapper;
  final ClaimResponseMapper responses;
  final JdbcOutbox outbox;

  public FhirClaims(
      ClaimIntake intake,
      JdbcClaims claims,
      JdbcOutbox outbox,
      ClaimEnvelopeReader reader,
      ClaimMapper mapper) {
    this.intake = Objects.requireNonNull(intake, "intake");
    this.claims = Objects.requireNonNull(claims, "claims");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.responses = new ClaimResponseMapper(mapper);
  }

  @Override
  public void addRoutes(Router router, FhirApi api) {
    router
        .add(Method.POST, "/fhir/Claim", Role.BILLING, new ClaimCreateHandler(api, this))
        .add(Method.GET, "/fhir/Claim/{id}", CLAIM_READERS, new ClaimReadHandler(api, this, false))
        .add(
            Method.GET, "/fhir/ClaimResponse", CLAIM_READERS, new ClaimReadHandler(api, this, true))
        .add(
            Method.GET,
            "/fhir/ClaimResponse/{id}",
            CLAIM_READERS,
            new ClaimReadHandler(api, this, true));
  }

  @Override
  public String security() {
    return "Claim create: billing, admin; Claim and ClaimResponse read: billing, inspector, admin.";
  }

  @Override
  public void describe(CapabilityStatementRestComponent rest) {
    CapabilityStatementRestResourceComponent claim = rest.addResource().setType("Claim");
    claim.setVersioning(ResourceVersionPolicy.VERSIONED).setReadHistory(false);
    claim
        .addInteraction()
        .setCode(TypeRestfulInteraction.CREATE)
        .setDocumentation(
            "Receives the claim as an XML 130 submission is received (same visit key, versions and"
                + " refusals) and answers the ClaimResponse of its pre-assessment: 201, or 200 when"
                + " it repeats the stored version");
    claim
        .addInteraction()
        .setCode(TypeRestfulInteraction.READ)
        .setDocumentation("Every stored claim, by its id in /api/v1/claims");
    CapabilityStatementRestResourceComponent response = rest.addResource().setType("ClaimResponse");
    response.setVersioning(ResourceVersionPolicy.VERSIONED).setReadHistory(false);
    response
        .addInteraction()
        .setCode(TypeRestfulInteraction.READ)
        .setDocumentation(
            "The pre-assessment of a stored claim's current version, by the claim's id, and"
                + " the fund's adjudication (CodeSystem/fund-adjudication) once the fund assessed"
                + " it");
    response
        .addInteraction()
        .setCode(TypeRestfulInteraction.SEARCHTYPE)
        .setDocumentation("By request=Claim/{id} only: a Bundle of that claim's response");
    response
        .addSearchParam()
        .setName("request")
        .setType(SearchParamType.REFERENCE)
        .setDocumentation("The Claim, Claim/{id}");
  }
}
