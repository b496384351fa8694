package vn.bhyt.verifier.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One card check as the audit trail keeps it: no patient's name, no card number, only its keyed
 * hash.
 *
 * @param checkedAt when the check was made, to the millisecond
 * @param tokenName the name of the token that asked
 * @param clerkName the clerk the token names, or null
 * @param clerkCitizenId the clerk's citizen ID, or null
 * @param keyVersion the version of the key that signed the check's receipt; null for checks made
 *     before receipts
 */
public record CheckRecord(
    String checkId,
    Instant checkedAt,
    String tokenName,
    @Nullable String clerkName,
    @Nullable String clerkCitizenId,
    @Nullable String cardHash,
    String result,
    String outcome,
    String source,
    @Nullable Integer keyVersion) {}
