package vn.bhyt.claims.forwarding;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A claim version a forwarder holds for a while: what it needs to send it or fetch its results, and
 * the fence its results are recorded under.
 *
 * @param fence the lease's number: a result is recorded only while the row still carries it
 * @param file the envelope's bytes, once made
 * @param unanswered whether an earlier attempt has no recorded answer
 * @param knownTransactions the fund's transaction ids already recorded for the claim's versions
 */
public record Lease(
    String claimId,
    int version,
    long fence,
    String facility,
    String maLk,
    ForwardingState state,
    byte @Nullable [] file,
    boolean unanswered,
    int attempts,
    @Nullable Instant firstFailureAt,
    @Nullable Instant attemptStartedAt,
    @Nullable String transactionId,
    List<String> knownTransactions) {
  public Lease {
    knownTransactions = List.copyOf(knownTransactions);
  }

  /** The claim version's key, for logs: no patient data. */
  @Override
  public String toString() {
    return "Lease[" + claimId + " v" + version + ", fence " + fence + "]";
  }
}
