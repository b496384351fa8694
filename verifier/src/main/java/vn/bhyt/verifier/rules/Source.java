package vn.bhyt.verifier.rules;

import java.util.Locale;

/** Where the card data in a verdict comes from. */
public enum Source {
  REGISTRY,
  FUND,
  CARD;

  private final String code = name().toLowerCase(Locale.ROOT);

  public String code() {
    return code;
  }
}
