package vn.bhyt.claims.assessment;

import java.util.Collection;
import java.util.Locale;

/** What happens to an assessed claim. */
public enum AssessmentStatus {
  /** No critical finding and no warning: the claim may be forwarded. */
  ACCEPTED,
  /** A warning and no critical finding: inspectors look at the claim first. */
  FLAGGED,
  /** A critical finding: the claim is not forwarded. */
  REJECTED;

  /** The lower-case name used in JSON. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status the findings lead to: rejected on any critical, flagged on any warning. */
  public static AssessmentStatus of(Collection<Finding> findings) {
    if (findings.stream().anyMatch(f -> f.severity() == Severity.CRITICAL)) {
      return REJECTED;
    }
    return findings.stream().anyMatch(f -> f.severity() == Severity.WARNING) ? FLAGGED : ACCEPTED;
  }
}
