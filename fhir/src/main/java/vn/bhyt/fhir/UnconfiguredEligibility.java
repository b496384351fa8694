package vn.bhyt.fhir;

import java.time.Clock;
import java.util.Date;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse.EligibilityResponsePurpose;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse.EligibilityResponseStatus;
import org.hl7.fhir.r4.model.Enumerations.RemittanceOutcome;
import org.hl7.fhir.r4.model.Reference;
import vn.bhyt.auth.Principal;

/** The eligibility service of a gateway whose card checks are not wired: outcome error. */
final class UnconfiguredEligibility implements EligibilityService {
  private final Clock clock;

  UnconfiguredEligibility(Clock clock) {
    this.clock = clock;
  }

  @Override
  @SuppressWarnings("JavaUtilDate") // HAPI's model takes java.util.Date
  public CompletionStage<CoverageEligibilityResponse> check(
      CoverageEligibilityRequest request, Principal caller) {
    CoverageEligibilityResponse r = new CoverageEligibilityResponse();
    r.setStatus(EligibilityResponseStatus.ACTIVE);
    request
        .getPurpose()
        .forEach(p -> r.addPurpose(EligibilityResponsePurpose.fromCode(p.getValue().toCode())));
    if (!r.hasPurpose()) {
      r.addPurpose(EligibilityResponsePurpose.VALIDATION);
    }
    r.setPatient(request.getPatient().copy());
    r.setCreated(Date.from(clock.instant()));
    r.setRequest(requestReference(request));
    r.setInsurer(request.getInsurer().copy());
    r.setOutcome(RemittanceOutcome.ERROR);
    r.setDisposition("Card checks are not configured on this gateway");
    r.addError().setCode(new CodeableConcept().setText("not configured"));
    return CompletableFuture.completedFuture(r);
  }

  private static Reference requestReference(CoverageEligibilityRequest request) {
    if (request.hasIdentifier()) {
      return new Reference().setIdentifier(request.getIdentifierFirstRep().copy());
    }
    return new Reference().setDisplay("the request this answers (not stored)");
  }
}
