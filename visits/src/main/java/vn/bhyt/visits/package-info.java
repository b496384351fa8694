/**
 * Reception check-in: a card check that opens a visit, recorded as FHIR R4 Patient, Coverage,
 * Encounter and CoverageEligibilityResponse in one transaction. The mappers are pure.
 */
@NullMarked
package vn.bhyt.visits;

import org.jspecify.annotations.NullMarked;
