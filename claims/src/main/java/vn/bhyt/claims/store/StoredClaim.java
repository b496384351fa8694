package vn.bhyt.claims.store;

import java.util.List;
import vn.bhyt.claims.assessment.Assessment;

/**
 * A stored claim: its summary, the current version's assessment (findings and totals) and every
 * version, oldest first.
 */
public record StoredClaim(
    ClaimSummary summary, boolean inpatient, Assessment assessment, List<StoredVersion> versions) {
  public StoredClaim {
    versions = List.copyOf(versions);
  }

  /** The current version. */
  public StoredVersion current() {
    return versions.get(versions.size() - 1);
  }
}
