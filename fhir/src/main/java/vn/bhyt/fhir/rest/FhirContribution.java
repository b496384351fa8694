package vn.bhyt.fhir.rest;

import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import vn.bhyt.http.Router;

/**
 * Endpoints another module adds to the FHIR API, for resources the FHIR store does not keep itself
 * (the claims module's {@code Claim} and {@code ClaimResponse}). Its routes are matched before the
 * API's generic {@code /fhir/{type}} routes, answer their failures as OperationOutcomes like every
 * route under {@code /fhir}, and are listed in the CapabilityStatement.
 */
public interface FhirContribution {
  /** Adds the routes, with handlers built on the API's parts. */
  void addRoutes(Router router, FhirApi api);

  /** Who may call the routes: a sentence appended to the CapabilityStatement's security text. */
  String security();

  /** Adds the contributed resources and their interactions to the CapabilityStatement. */
  void describe(CapabilityStatementRestComponent rest);
}
