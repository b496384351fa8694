package vn.bhyt.auth;

import java.util.Locale;

/** What a token may do. {@link #ADMIN} may do everything. */
public enum Role {
  RECEPTION,
  BILLING,
  INSPECTOR,
  ADMIN;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code reception|billing|inspector|admin}.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static Role parse(String code) {
    for (Role role : values()) {
      if (role.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "role: '" + code + "' (expected: reception|billing|inspector|admin)");
  }
}
