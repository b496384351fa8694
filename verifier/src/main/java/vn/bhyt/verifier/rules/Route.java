package vn.bhyt.verifier.rules;

import java.util.Locale;

/** How the patient came to this facility, which decides the share paid. */
public enum Route {
  RIGHT,
  REFERRAL,
  EMERGENCY,
  WRONG;

  private final String code = name().toLowerCase(Locale.ROOT);

  public String code() {
    return code;
  }
}
