package vn.bhyt.verifier.rules;

/** What the fund's online check said about a card the registry does not know. */
public enum FundState {
  /** No fund is configured. */
  NOT_CONFIGURED,
  /** The fund did not answer in time. */
  UNAVAILABLE,
  /** The fund answered that it knows no such card (050). */
  CARD_UNKNOWN
}
