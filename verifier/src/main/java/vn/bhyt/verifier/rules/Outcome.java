package vn.bhyt.verifier.rules;

import java.util.Locale;

/** What reception should do with the card. */
public enum Outcome {
  VALID,
  WARNING,
  INVALID,
  /**
   * Only the card itself could be checked: no registry row and no fund answer; nothing is wrong.
   */
  UNCONFIRMED;

  private final String code = name().toLowerCase(Locale.ROOT);

  public String code() {
    return code;
  }
}
