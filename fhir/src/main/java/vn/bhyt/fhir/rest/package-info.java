/**
 * The FHIR R4 REST API under {@code /fhir}: read, vread, history, search, create, update, {@code
 * $validate} and the eligibility check, in JSON and XML, with OperationOutcome errors.
 */
@NullMarked
package vn.bhyt.fhir.rest;

import org.jspecify.annotations.NullMarked;
