package vn.bhyt.verifier.rules;

import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.FacilityLevel;

/** The facility the gateway serves. */
public record Facility(FacilityCode code, FacilityLevel level) {}
