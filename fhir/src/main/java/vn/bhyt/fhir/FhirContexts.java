package vn.bhyt.fhir;

import ca.uhn.fhir.context.FhirContext;

/**
 * The gateway's one FHIR R4 context: slow to create, thread-safe, shared by the store, the REST API
 * and the check-in.
 *
 * <p>Its parsers do not contain referenced resources that have no id: the gateway refers to stored
 * resources by id, and looking for such references walks every element of every resource encoded.
 * Resources added to {@code contained} explicitly are encoded as always.
 */
public final class FhirContexts {
  private static final FhirContext R4 = FhirContext.forR4();

  static {
    R4.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
  }

  private FhirContexts() {}

  public static FhirContext r4() {
    return R4;
  }
}
