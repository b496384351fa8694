package vn.bhyt.verifier.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One card check as the audit trail keeps it: no name, no card number, only its keyed hash. */
public record CheckRecord(
    String checkId,
    Instant checkedAt,
    String tokenName,
    @Nullable String cardHash,
    String result,
    String outcome,
    String source) {}
