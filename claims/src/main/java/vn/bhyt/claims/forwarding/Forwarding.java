package vn.bhyt.claims.forwarding;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A claim version's way to the fund, as the outbox keeps it.
 *
 * @param transactionId the fund's {@code maGiaoDich} once it took the file
 * @param attempts how many times the file was sent
 * @param lastError the last failure, for billing and operators (no patient data)
 * @param nextAttemptAt when the forwarder sends it next, while it is pending
 */
public record Forwarding(
    String claimId,
    String maLk,
    int version,
    ForwardingState state,
    @Nullable String transactionId,
    int attempts,
    @Nullable String lastError,
    Instant queuedAt,
    Instant nextAttemptAt,
    @Nullable Instant sentAt) {}
