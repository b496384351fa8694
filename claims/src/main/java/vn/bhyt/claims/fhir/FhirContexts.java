package vn.bhyt.claims.fhir;

import ca.uhn.fhir.context.FhirContext;

/**
 * The gateway's one FHIR R4 context: slow to create, thread-safe, shared by the store, the REST API
 * and the check-in.
 */
public final class FhirContexts {
  private static final FhirContext R4 = FhirContext.forR4();

  private FhirContexts() {}

  public static FhirContext r4() {
    return R4;
  }
}
