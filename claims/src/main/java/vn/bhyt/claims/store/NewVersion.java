package vn.bhyt.claims.store;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import vn.bhyt.claims.assessment.Assessment;
import vn.bhyt.claims.claim.ClaimDossier;

/**
 * A claim version to store: the dossier as received, its assessment and who sent it when.
 *
 * @param claimId the claim's id, new for version 1
 * @param version the version number, from 1
 * @param contentHash the dossier's {@link ContentHash}
 * @param visit what the store indexes of the visit
 * @param receivedBy the name of the token that sent it
 * @param requestId the HTTP request that brought it
 * @param correction the reason given for a correction, or null
 */
// A version to write, never compared: the hash array's identity equality is moot.
@SuppressWarnings("ArrayRecordComponent")
public record NewVersion(
    String claimId,
    int version,
    ClaimDossier dossier,
    byte[] contentHash,
    Assessment assessment,
    ClaimVisit visit,
    Instant receivedAt,
    String receivedBy,
    String requestId,
    @Nullable String correction) {
  public NewVersion {
    Objects.requireNonNull(claimId, "claimId");
    if (version < 1) {
      throw new IllegalArgumentException("version: " + version + " (expected: >= 1)");
    }
    Objects.requireNonNull(dossier, "dossier");
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(assessment, "assessment");
    Objects.requireNonNull(visit, "visit");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(receivedBy, "receivedBy");
    Objects.requireNonNull(requestId, "requestId");
  }

  /** The dossier's visit key. */
  public String maLk() {
    return dossier.maLk().orElseThrow();
  }
}
