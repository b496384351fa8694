package vn.bhyt.claims.store;

import java.util.List;
import java.util.Objects;
import vn.bhyt.claims.assessment.Assessment;
import vn.bhyt.claims.claim.VerbatimTable;

/**
 * A claim's current version as stored: its tables as received (or as generated for a claim that did
 * not arrive as XML) and its assessment.
 *
 * @param facility the submitting facility
 * @param tables the tables in file order
 */
public record CurrentVersion(
    String claimId,
    String facility,
    int version,
    Assessment assessment,
    List<VerbatimTable> tables) {
  public CurrentVersion {
    Objects.requireNonNull(claimId, "claimId");
    Objects.requireNonNull(facility, "facility");
    Objects.requireNonNull(assessment, "assessment");
    tables = List.copyOf(tables);
  }
}
