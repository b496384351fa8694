package vn.bhyt.domain;

import java.util.Locale;

/** The technical level of a health facility, which decides how self-referred visits are paid. */
public enum FacilityLevel {
  CENTRAL,
  PROVINCIAL,
  DISTRICT,
  COMMUNE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code central|provincial|district|commune}.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static FacilityLevel parse(String code) {
    for (FacilityLevel level : values()) {
      if (level.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
        return level;
      }
    }
    throw new IllegalArgumentException(
        "facility level: '" + code + "' (expected: central|provincial|district|commune)");
  }
}
