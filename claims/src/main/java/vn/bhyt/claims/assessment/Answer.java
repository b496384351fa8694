package vn.bhyt.claims.assessment;

/** A lookup's answer to a yes-or-no question, when the source may know nothing. */
public enum Answer {
  YES,
  NO,
  /** The source has no records to answer from. */
  UNKNOWN
}
