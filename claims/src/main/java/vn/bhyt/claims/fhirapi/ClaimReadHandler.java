package vn.bhyt.claims.fhirapi;

import java.io.IOException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.forwarding.Forwarding;
import vn.bhyt.claims.forwarding.FundClaims;
import vn.bhyt.claims.intake.ClaimParseException;
import vn.bhyt.claims.store.CurrentVersion;
import vn.bhyt.fhir.FhirProblem;
import vn.bhyt.fhir.rest.FhirApi;
import vn.bhyt.fhir.rest.FhirExchange;
import vn.bhyt.fhir.rest.FhirHandler;
import vn.bhyt.http.Request;
import vn.bhyt.http.Response;

/**
 * {@code GET /fhir/Claim/{id}} and {@code GET /fhir/ClaimResponse/{id}}: a stored claim's current
 * version as a Claim, or its assessment as a ClaimResponse, built from the stored tables on each
 * read, the response with the fund's adjudication once the fund assessed the version. The id is the
 * claim's id in {@code /api/v1/claims}; the ETag is its version. {@code GET
 * /fhir/ClaimResponse?request=Claim/{id}} finds the response of a claim.
 */
final class ClaimReadHandler extends FhirHandler {
  private static final Pattern CLAIM_REFERENCE =
      Pattern.compile("(?:.*/)?Claim/([A-Za-z0-9.\\-]{1,64})");

  private final FhirClaims claims;
  private final boolean response;

  /**
   * @param response whether to answer the ClaimResponse rather than the Claim
   */
  ClaimReadHandler(FhirApi api, FhirClaims claims, boolean response) {
    super(api);
    this.claims = claims;
    this.response = response;
  }

  /** A read takes the format's parameters; the search checks its own. */
  @Override
  protected @Nullable Set<String> parameters(Request request) {
    return request.optionalPathParam("id") == null ? null : FORMAT_PARAMETERS;
  }

  @Override
  protected CompletionStage<Response> answer(FhirExchange ex) {
    String id = ex.request().optionalPathParam("id");
    if (id == null) {
      return search(ex);
    }
    String type = response ? "ClaimResponse" : "Claim";
    return blocking(
        () -> {
          Resource resource =
              resource(id).orElseThrow(() -> FhirProblem.notFound("no " + type + " has this id"));
          String version = resource.getMeta().getVersionId();
          return ex.answer(200, resource).withHeader("ETag", "W/\"" + version + "\"");
        });
  }

  /** {@code GET /fhir/ClaimResponse?request=Claim/{id}}: a Bundle of the one response, or none. */
  private CompletionStage<Response> search(FhirExchange ex) {
    Map<String, List<String>> params = new HashMap<>(ex.request().queryParameters());
    params.remove("_format");
    params.remove("_pretty");
    List<String> request = params.remove("request");
    if (!params.isEmpty() || request == null || request.size() != 1) {
      throw FhirProblem.badRequest("search ClaimResponse by one parameter: request=Claim/{id}");
    }
    Matcher m = CLAIM_REFERENCE.matcher(request.get(0));
    if (!m.matches()) {
      throw FhirProblem.badRequest("request: expected Claim/{id}");
    }
    String id = m.group(1);
    return blocking(
        () -> {
          Bundle b = new Bundle().setType(Bundle.BundleType.SEARCHSET);
          b.addLink().setRelation("self").setUrl(ex.base() + "/ClaimResponse?request=Claim/" + id);
          resource(id)
              .ifPresent(
                  r ->
                      b.addEntry()
                          .setFullUrl(ex.url("ClaimResponse", id))
                          .setResource(r)
                          .getSearch()
                          .setMode(Bundle.SearchEntryMode.MATCH));
          b.setTotal(b.getEntry().size());
          return ex.answer(200, b);
        });
  }

  private Optional<Resource> resource(String id) throws SQLException {
    Optional<CurrentVersion> found = claims.claims.current(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    CurrentVersion current = found.get();
    ClaimDossier dossier = dossier(current);
    DateTimeType now = new DateTimeType(now());
    Resource resource =
        response ? fundResponse(current, dossier, now) : claims.mapper.toClaim(dossier, id, now);
    resource.getMeta().setVersionId(Integer.toString(current.version()));
    return Optional.of(resource);
  }

  /** The response, with the fund's transaction and assessment of the version once in. */
  private Resource fundResponse(CurrentVersion current, ClaimDossier dossier, DateTimeType now)
      throws SQLException {
    String id = current.claimId();
    Optional<Forwarding> forwarding = claims.outbox.of(id, current.version());
    String transaction = forwarding.map(Forwarding::transactionId).orElse(null);
    FundClaims.Assessed fund =
        transaction == null ? null : claims.outbox.assessment(id, current.version()).orElse(null);
    return claims.responses.toResponse(dossier, current.assessment(), id, now, transaction, fund);
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
