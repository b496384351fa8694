package vn.bhyt.claims.assessment;

import java.time.LocalDate;

/** Reception's record of visits checked in at a facility. */
public interface CheckIns {

  /** Whether the facility checked in the visit with that {@code MA_LK}. */
  Answer byVisit(String facility, String maLk);

  /** Whether the facility checked in a visit on that card on that day. */
  Answer byCard(String facility, String cardNumber, LocalDate day);

  /** Check-ins of which nothing is known. */
  static CheckIns none() {
    return new CheckIns() {
      @Override
      public Answer byVisit(String facility, String maLk) {
        return Answer.UNKNOWN;
      }

      @Override
      public Answer byCard(String facility, String cardNumber, LocalDate day) {
        return Answer.UNKNOWN;
      }
    };
  }
}
