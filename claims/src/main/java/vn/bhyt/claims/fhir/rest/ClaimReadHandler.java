package vn.bhyt.claims.fhir.rest;

import java.io.IOException;
import java.util.Date;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Resource;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.fhir.FhirProblem;
import vn.bhyt.claims.fhir.FhirStore;
import vn.bhyt.claims.intake.ClaimParseException;
import vn.bhyt.claims.store.CurrentVersion;
import vn.bhyt.http.Response;

/**
 * {@code GET /fhir/Claim/{id}} and {@code GET /fhir/ClaimResponse/{id}}: a stored claim's current
 * version as a Claim, or its assessment as a ClaimResponse, built from the stored tables on each
 * read. The id is the claim's id in {@code /api/v1/claims}; the ETag is its version.
 */
final class ClaimReadHandler extends FhirHandler {
  private final FhirClaims claims;
  private final boolean response;

  /**
   * @param response whether to answer the ClaimResponse rather than the Claim
   */
  ClaimReadHandler(
      FhirStore store, Executor executor, String base, FhirClaims claims, boolean response) {
    super(store, executor, base);
    this.claims = claims;
    this.response = response;
  }

  @Override
  CompletionStage<Response> answer(FhirExchange ex) {
    String id = ex.request().pathParam("id");
    String type = response ? "ClaimResponse" : "Claim";
    return blocking(
        () -> {
          CurrentVersion current =
              claims
                  .claims
                  .current(id)
                  .orElseThrow(() -> FhirProblem.notFound("no " + type + " has this id"));
          ClaimDossier dossier = dossier(current);
          DateTimeType now = new DateTimeType(new Date());
          Resource resource =
              response
                  ? claims.responses.toResponse(dossier, current.assessment(), id, now)
                  : claims.mapper.toClaim(dossier, id, now);
          resource.getMeta().setVersionId(Integer.toString(current.version()));
          return ex.answer(200, resource).withHeader("ETag", "W/\"" + current.version() + "\"");
        });
  }

  private ClaimDossier dossier(CurrentVersion current) {
    try {
      return claims.reader.dossier(current.facility(), current.tables());
    } catch (ClaimParseException | IOException e) {
      throw new IllegalStateException(
          "claim " + current.claimId() + " version " + current.version() + ": unreadable", e);
    }
  }
}
