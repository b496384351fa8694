package vn.bhyt.verifier.audit;

import java.time.Instant;
import vn.bhyt.domain.Ulids;

/**
 * Check ids: ULIDs of the check's time. Stored as their 16 bytes, which sort as the text does, so
 * the audit table's primary key is its time order.
 */
public final class CheckIds {
  private CheckIds() {}

  /** A new id for a check made at a time. */
  public static String next(Instant at) {
    return Ulids.next(at);
  }

  /**
   * The 16 bytes of an id: 48 bits of time, then 80 random bits, big-endian.
   *
   * @throws IllegalArgumentException when the text is not an id of this form
   */
  public static byte[] bytes(String id) {
    return Ulids.bytes(id);
  }
}
