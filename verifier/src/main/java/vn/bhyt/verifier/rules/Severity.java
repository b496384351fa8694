package vn.bhyt.verifier.rules;

/** How much a finding weighs: it makes the card invalid, asks for care, or only informs. */
public enum Severity {
  INVALID,
  WARNING,
  INFO
}
