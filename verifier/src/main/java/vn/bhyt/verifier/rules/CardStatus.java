package vn.bhyt.verifier.rules;

import java.util.Locale;

/** A card's status in the registry. */
public enum CardStatus {
  ACTIVE,
  REVOKED,
  REDUCED,
  EXPIRED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code active|revoked|reduced|expired}.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static CardStatus parse(String code) {
    for (CardStatus s : values()) {
      if (s.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "status: '" + code + "' (expected: active|revoked|reduced|expired)");
  }
}
