package vn.bhyt.claims.fhirapi;

import java.util.concurrent.CompletionStage;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.fhirclaim.ClaimMappingException;
import vn.bhyt.claims.submission.ClaimResult;
import vn.bhyt.claims.submission.Received;
import vn.bhyt.claims.submission.Submission;
import vn.bhyt.fhir.FhirProblem;
import vn.bhyt.fhir.rest.FhirApi;
import vn.bhyt.fhir.rest.FhirExchange;
import vn.bhyt.fhir.rest.FhirHandler;
import vn.bhyt.http.Response;

/**
 * {@code POST /fhir/Claim}: a Claim, valid against base R4 (422 when not), read as a claim dossier
 * (422 when it cannot be) and received by the claims intake as an XML submission is: 201 with the
 * ClaimResponse of its assessment and the Claim's Location, or 200 when it repeats the stored
 * version; 409 when it would change a claim already forwarded.
 */
final class ClaimCreateHandler extends FhirHandler {
  private final FhirClaims claims;

  ClaimCreateHandler(FhirApi api, FhirClaims claims) {
    super(api);
    this.claims = claims;
  }

  @Override
  protected CompletionStage<Response> answer(FhirExchange ex) {
    return blocking(
        () -> {
          Claim claim = (Claim) ex.body("Claim");
          requireValid(claim);
          ClaimDossier dossier = dossier(claim);
          Submission submission =
              new Submission(ex.request().principal().name(), ex.request().id(), null);
          Received received = claims.intake.receive(dossier, submission);
          ClaimResult result = received.result();
          ClaimResponse response =
              claims.responses.toResponse(
                  dossier, result.assessment(), result.claimId(), new DateTimeType(now()));
          int status = received.unchanged() ? 200 : 201;
          return ex.answer(status, response)
              .withHeader("ETag", "W/\"" + result.version() + "\"")
              .withHeader("Location", ex.url("Claim", result.claimId()));
        });
  }

  private ClaimDossier dossier(Claim claim) {
    try {
      return claims.mapper.toDossier(claim);
    } catch (ClaimMappingException e) {
      OperationOutcome oo = new OperationOutcome();
      for (String problem : e.problems()) {
        oo.addIssue()
            .setSeverity(IssueSeverity.ERROR)
            .setCode(IssueType.INVALID)
            .setDiagnostics(problem)
            .addExpression(problem.substring(0, problem.indexOf(':')));
      }
      throw FhirProblem.unprocessable(oo);
    }
  }
}
