package vn.bhyt.claims.assessment;

import java.util.Locale;

/**
 * How a claim says the patient came ({@code MA_DOITUONG_KCB}, or {@code MA_LYDO_VVIEN} in older
 * claims), as far as it decides the benefit rate.
 */
public enum VisitRoute {
  /** At the registered primary-care facility. */
  REGISTERED,
  /** On the right route elsewhere: referral, appointment, newborn, primary level and the like. */
  RIGHT,
  EMERGENCY,
  /** Self-referred: the route rules of the facility's level decide. */
  SELF_REFERRED,
  /** Not an insured visit, or a withdrawal: no benefit rate applies. */
  NONE;

  /**
   * Parses {@code registered|right|emergency|self_referred|none}.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static VisitRoute parse(String code) {
    for (VisitRoute r : values()) {
      if (r.name().toLowerCase(Locale.ROOT).equals(code.strip())) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "route: '" + code + "' (expected: registered|right|emergency|self_referred|none)");
  }
}
