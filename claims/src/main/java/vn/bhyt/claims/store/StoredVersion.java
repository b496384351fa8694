package vn.bhyt.claims.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import vn.bhyt.claims.assessment.AssessmentStatus;
import vn.bhyt.claims.claim.ClaimFormat;

/**
 * One stored version of a claim, as its history lists it.
 *
 * @param correction the reason given when the version corrects a forwarded claim, or null
 * @param forwardedAt when it was forwarded to the fund, or null
 * @param findings how many findings its assessment made
 */
public record StoredVersion(
    int version,
    ClaimFormat format,
    AssessmentStatus status,
    Instant receivedAt,
    String receivedBy,
    @Nullable String correction,
    @Nullable Instant forwardedAt,
    int findings) {}
