package vn.bhyt.claims.assessment;

import java.util.List;
import java.util.Objects;

/**
 * The pre-assessment of one claim: what happens to it, why, and its amounts summed over its lines.
 */
public record Assessment(AssessmentStatus status, List<Finding> findings, Totals totals) {
  public Assessment {
    Objects.requireNonNull(status, "status");
    findings = List.copyOf(findings);
    Objects.requireNonNull(totals, "totals");
  }

  /** An assessment whose status follows from its findings. */
  public static Assessment of(List<Finding> findings, Totals totals) {
    return new Assessment(AssessmentStatus.of(findings), findings, totals);
  }
}
