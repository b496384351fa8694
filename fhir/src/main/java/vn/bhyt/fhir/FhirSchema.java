package vn.bhyt.fhir;

import vn.bhyt.persistence.Schema;

/** The FHIR store's tables: resources, their versions, search indexes and conditional creates. */
public final class FhirSchema implements Schema {
  @Override
  public String name() {
    return "fhir";
  }
}
