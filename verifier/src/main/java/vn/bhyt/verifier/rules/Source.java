package vn.bhyt.verifier.rules;

import java.util.Locale;

/** Where the card data in a verdict comes from. */
public enum Source {
  REGISTRY,
  FUND,
  CARD;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
