package vn.bhyt.claims.assessment;

import java.time.LocalDate;
import java.util.List;

/** Reception's record of visits checked in at a facility. */
public interface CheckIns {

  /** What reception's records say of a visit's check-in. */
  enum CheckIn {
    /** A card check of this gateway opened the visit, and its receipt proves it for the card. */
    PROVEN,
    /**
     * The visit is recorded, but no card check of this gateway with a genuine receipt for the card
     * opened it: it was recorded by other means (the FHIR API, or before receipts were given).
     */
    UNPROVEN,
    /** No such visit is recorded. */
    ABSENT,
    /** The records cannot say. */
    UNKNOWN
  }

  /**
   * The check-in of the visit with that {@code MA_LK} at the facility, proven for any of the cards.
   */
  CheckIn byVisit(String facility, String maLk, List<String> cards);

  /** The check-in of a visit on that card on that day at the facility. */
  CheckIn byCard(String facility, String cardNumber, LocalDate day);

  /** Check-ins of which nothing is known. */
  static CheckIns none() {
    return new CheckIns() {
      @Override
      public CheckIn byVisit(String facility, String maLk, List<String> cards) {
        return CheckIn.UNKNOWN;
      }

      @Override
      public CheckIn byCard(String facility, String cardNumber, LocalDate day) {
        return CheckIn.UNKNOWN;
      }
    };
  }
}
