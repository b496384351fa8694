package vn.bhyt.fhir.rest;

import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import vn.bhyt.fhir.FhirStore;

/**
 * The parts every handler of the FHIR API is built on.
 *
 * @param store the FHIR store, whose context parses and writes resources
 * @param executor the workers that run database work and validation, never the event loop
 * @param base the API's public base URL without a trailing slash, or null to build it from each
 *     request's {@code Host} header
 */
public record FhirApi(FhirStore store, Executor executor, @Nullable String base) {}
