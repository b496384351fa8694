package vn.bhyt.claims.fhir.rest;

import java.util.Objects;
import vn.bhyt.claims.fhirclaim.ClaimMapper;
import vn.bhyt.claims.fhirclaim.ClaimResponseMapper;
import vn.bhyt.claims.intake.ClaimEnvelopeReader;
import vn.bhyt.claims.store.JdbcClaims;
import vn.bhyt.claims.submission.ClaimIntake;

/**
 * What the {@code Claim} and {@code ClaimResponse} endpoints need: the claims intake that XML
 * submissions go through, the stored claims, and the mappers.
 */
public final class FhirClaims {
  final ClaimIntake intake;
  final JdbcClaims claims;
  final ClaimEnvelopeReader reader;
  final ClaimMapper mapper;
  final ClaimResponseMapper responses;

  public FhirClaims(
      ClaimIntake intake, JdbcClaims claims, ClaimEnvelopeReader reader, ClaimMapper mapper) {
    this.intake = Objects.requireNonNull(intake, "intake");
    this.claims = Objects.requireNonNull(claims, "claims");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.responses = new ClaimResponseMapper(mapper);
  }
}
