package vn.bhyt.domain;

/** The living-area code on a card (disadvantaged areas whose residents get extra benefits). */
public enum LivingArea {
  K1,
  K2,
  K3;

  /**
   * Parses {@code K1|K2|K3}.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static LivingArea parse(String code) {
    try {
      return valueOf(code.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("living area: '" + code + "' (expected: K1|K2|K3)");
    }
  }
}
