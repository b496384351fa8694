package vn.bhyt.verifier.audit;

/** Where card checks are recorded. */
public interface CheckLog {
  /**
   * Records a check; never blocks the caller.
   *
   * @return false when the record cannot be kept now (the trail is behind): the check must not be
   *     answered
   */
  boolean record(CheckRecord record);
}
