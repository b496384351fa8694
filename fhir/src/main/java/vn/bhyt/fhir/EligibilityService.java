package vn.bhyt.fhir;

import java.time.Clock;
import java.util.concurrent.CompletionStage;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import vn.bhyt.auth.Principal;

/**
 * The card check for FHIR clients: answers a CoverageEligibilityRequest with a
 * CoverageEligibilityResponse. {@code POST /fhir/CoverageEligibilityRequest} calls it and stores
 * nothing itself.
 */
public interface EligibilityService {
  /**
   * Checks the coverage a request asks about.
   *
   * @param request a request that passed base R4 validation
   * @param caller the token that asked, for the audit trail (and its clerk, for the fund)
   */
  CompletionStage<CoverageEligibilityResponse> check(
      CoverageEligibilityRequest request, Principal caller);

  /** A service for gateways without card checks: every answer has outcome error. */
  static EligibilityService notConfigured(Clock clock) {
    return new UnconfiguredEligibility(clock);
  }
}
