package vn.bhyt.claims.submission;

import java.util.Objects;
import vn.bhyt.claims.assessment.Assessment;

/**
 * The answer for one dossier of an envelope: the claim it is stored as, in which version, and that
 * version's assessment. A dossier that repeats its stored version gets that version's answer.
 */
public record ClaimResult(String maLk, String claimId, int version, Assessment assessment) {
  public ClaimResult {
    Objects.requireNonNull(maLk, "maLk");
    Objects.requireNonNull(claimId, "claimId");
    Objects.requireNonNull(assessment, "assessment");
  }
}
