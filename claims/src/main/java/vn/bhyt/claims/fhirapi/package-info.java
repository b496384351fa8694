/**
 * The claims module's endpoints under {@code /fhir}: Claim and ClaimResponse, contributed to the
 * FHIR API's routes. Transport: handlers on top of the claims intake, store and FHIR mappers.
 */
@NullMarked
package vn.bhyt.claims.fhirapi;

import org.jspecify.annotations.NullMarked;
