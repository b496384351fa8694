package vn.bhyt.verifier.audit;

/** Where card checks are recorded. */
public interface CheckLog {
  /** Records a check; never blocks the caller. */
  void record(CheckRecord record);
}
