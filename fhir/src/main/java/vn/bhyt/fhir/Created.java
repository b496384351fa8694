package vn.bhyt.fhir;

import org.hl7.fhir.r4.model.Resource;

/**
 * The answer of a conditional create: the stored resource, and whether this call created it (else
 * it is the one that already matched).
 */
public record Created<T extends Resource>(T resource, boolean created) {}
