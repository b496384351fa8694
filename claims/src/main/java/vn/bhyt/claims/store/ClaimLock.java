package vn.bhyt.claims.store;

/**
 * A stored claim locked for the rest of the transaction: what a new submission of its visit is
 * compared with.
 *
 * @param id the claim's id
 * @param version its current version
 * @param contentHash the current version's {@link ContentHash}
 * @param forwarded whether any of its versions was forwarded to the fund
 */
// The hash is compared with MessageDigest.isEqual, never through the record's equals.
@SuppressWarnings("ArrayRecordComponent")
public record ClaimLock(String id, int version, byte[] contentHash, boolean forwarded) {}
