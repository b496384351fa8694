package vn.bhyt.claims.assessment;

import java.util.Locale;

/** What a kind of visit ({@code MA_LOAI_KCB}) is for counting days and choosing route rules. */
public enum Stay {
  /** An examination or a drug collection. */
  EXAM,
  /** Outpatient treatment over several days. */
  OUTPATIENT,
  /** A stay: inpatient, day inpatient or observation. */
  INPATIENT;

  /**
   * Parses {@code exam|outpatient|inpatient}.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static Stay parse(String code) {
    for (Stay s : values()) {
      if (s.name().toLowerCase(Locale.ROOT).equals(code.strip())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "stay: '" + code + "' (expected: exam|outpatient|inpatient)");
  }
}
