package vn.bhyt.claims.assessment;

import java.time.LocalDate;

/** The list of ICD-10 codes the fund accepts. */
@FunctionalInterface
public interface IcdList {

  /** Whether the list in force on a day has the code; unknown when no list is loaded. */
  Answer contains(String code, LocalDate day);

  /** No list: every code is unknown. */
  static IcdList none() {
    return (code, day) -> Answer.UNKNOWN;
  }
}
