package vn.bhyt.claims.store;

import vn.bhyt.persistence.Schema;

/**
 * The claims module's tables: claims, their versions, tables and findings, the price list and the
 * ICD-10 list.
 */
public final class ClaimsSchema implements Schema {
  @Override
  public String name() {
    return "claims";
  }
}
