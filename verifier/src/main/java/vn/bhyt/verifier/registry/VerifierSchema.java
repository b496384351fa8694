package vn.bhyt.verifier.registry;

import vn.bhyt.persistence.Schema;

/** The verifier's tables: the card registry and the card-check audit trail. */
public final class VerifierSchema implements Schema {
  @Override
  public String name() {
    return "verifier";
  }
}
