package vn.bhyt.claims.fhir.rest;

import java.util.Date;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.ConditionalDeleteStatus;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceVersionPolicy;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import vn.bhyt.claims.fhir.SearchCatalog;
import vn.bhyt.claims.fhir.SearchParam;

/** The mapping of what the API implements to its CapabilityStatement. */
final class CapabilityMapper {
  private static final String VALIDATE =
      "http://hl7.org/fhir/OperationDefinition/Resource-validate";

  private CapabilityMapper() {}

  /** The statement of an API that serves claims or not. */
  static CapabilityStatement statement(boolean claims) {
    CapabilityStatement cs = new CapabilityStatement();
    cs.setStatus(PublicationStatus.ACTIVE)
        .setDate(new Date())
        .setPublisher("BHYT gateway")
        .setKind(CapabilityStatementKind.INSTANCE)
        .setFhirVersion(FHIRVersion._4_0_1);
    cs.getSoftware().setName("BHYT gateway");
    cs.getImplementation().setDescription("FHIR R4 API of the BHYT gateway");
    cs.addFormat("application/fhir+json").addFormat("application/fhir+xml");
    CapabilityStatementRestComponent rest = cs.addRest().setMode(RestfulCapabilityMode.SERVER);
    rest.getSecurity()
        .setDescription(
            "Authorization: Bearer token. Reads, searches and $validate: roles reception, billing,"
                + " inspector, admin; create, update and CoverageEligibilityRequest: reception,"
                + " admin. metadata needs no token."
                + (claims
                    ? " Claim create: billing, admin; Claim and ClaimResponse read: billing,"
                        + " inspector, admin."
                    : ""));
    for (String type : FhirRoutes.READABLE) {
      rest.addResource(stored(type, FhirRoutes.WRITABLE.contains(type)));
    }
    CapabilityStatementRestResourceComponent eligibility =
        rest.addResource().setType("CoverageEligibilityRequest");
    eligibility
        .addInteraction()
        .setCode(TypeRestfulInteraction.CREATE)
        .setDocumentation(
            "Checks the coverage and answers a CoverageEligibilityResponse (200); stores nothing");
    eligibility.addOperation().setName("validate").setDefinition(VALIDATE);
    if (claims) {
      claims(rest);
    }
    return cs;
  }

  private static CapabilityStatementRestResourceComponent stored(String type, boolean writable) {
    CapabilityStatementRestResourceComponent r = new CapabilityStatementRestResourceComponent();
    r.setType(type).setVersioning(ResourceVersionPolicy.VERSIONEDUPDATE).setReadHistory(true);
    r.addInteraction().setCode(TypeRestfulInteraction.READ);
    r.addInteraction().setCode(TypeRestfulInteraction.VREAD);
    r.addInteraction().setCode(TypeRestfulInteraction.HISTORYINSTANCE);
    r.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
    if (writable) {
      r.addInteraction().setCode(TypeRestfulInteraction.CREATE);
      r.addInteraction().setCode(TypeRestfulInteraction.UPDATE);
      r.setUpdateCreate(true).setConditionalCreate(true);
    }
    r.setConditionalUpdate(false).setConditionalDelete(ConditionalDeleteStatus.NOTSUPPORTED);
    r.addSearchParam()
        .setName("_id")
        .setType(SearchParamType.TOKEN)
        .setDocumentation("Logical id; a list means any of them");
    r.addSearchParam()
        .setName("_lastUpdated")
        .setType(SearchParamType.DATE)
        .setDocumentation("When the current version was stored; prefixes eq ne gt lt ge le sa eb");
    for (SearchParam p : SearchCatalog.of(type)) {
      r.addSearchParam()
          .setName(p.name())
          .setType(SearchParamType.fromCode(p.kind().code()))
          .setDocumentation(p.documentation());
    }
    r.addOperation().setName("validate").setDefinition(VALIDATE);
    return r;
  }

  private static void claims(CapabilityStatementRestComponent rest) {
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
            "The pre-assessment of a stored claim's current version, by the claim's id");
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
