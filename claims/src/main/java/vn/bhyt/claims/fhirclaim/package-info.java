/**
 * Claims as FHIR R4: a {@link vn.bhyt.claims.claim.ClaimDossier} as a {@code Claim} and back, and
 * its assessment as a {@code ClaimResponse} with per-line adjudication. Pure.
 */
@NullMarked
package vn.bhyt.claims.fhirclaim;

import org.jspecify.annotations.NullMarked;
