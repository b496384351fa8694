package vn.bhyt.fhir.rest;

import java.util.Date;
import java.util.List;
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
import vn.bhyt.fhir.SearchCatalog;
import vn.bhyt.fhir.SearchParam;

/** The mapping of what the API implements to its CapabilityStatement. */
final class CapabilityMapper {
  private static final String VALIDATE =
      "http://hl7.org/fhir/OperationDefinition/Resource-validate";

  private CapabilityMapper() {}

  /** The statement of the API with the endpoints other modules contribute. */
  static CapabilityStatement statement(List<FhirContribution> contributions, Date date) {
    CapabilityStatement cs = new CapabilityStatement();
    cs.setStatus(PublicationStatus.ACTIVE)
        .setDate(date)
        .setPublisher("BHYT gateway")
        .setKind(CapabilityStatementKind.INSTANCE)
        .setFhirVersion(FHIRVersion._4_0_1);
    cs.getSoftware().setName("BHYT gateway");
    cs.getImplementation().setDescription("FHIR R4 API of the BHYT gateway");
    cs.addFormat("application/fhir+json").addFormat("application/fhir+xml");
    CapabilityStatementRestComponent rest = cs.addRest().setMode(RestfulCapabilityMode.SERVER);
    StringBuilder security =
        new StringBuilder(
            "Authorization: Bearer token. Reads, searches and $validate: roles reception, billing,"
                + " inspector, admin; create, update and CoverageEligibilityRequest: reception,"
                + " admin. metadata needs no token.");
    for (FhirContribution contribution : contributions) {
      security.append(' ').append(contribution.security());
    }
    rest.getSecurity().setDescription(security.toString());
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
    for (FhirContribution contribution : contributions) {
      contribution.describe(rest);
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
}
