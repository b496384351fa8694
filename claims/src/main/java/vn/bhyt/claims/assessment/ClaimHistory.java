package vn.bhyt.claims.assessment;

import java.time.LocalDateTime;
import java.util.List;

/** The claims received before, from this and other facilities. */
public interface ClaimHistory {

  /** The claims with that {@code MA_LK}, from any facility. */
  List<PastClaim> byVisitKey(String maLk);

  /** The claims on a card whose visit overlaps the period. */
  List<PastClaim> onCard(String cardNumber, LocalDateTime from, LocalDateTime to);

  /** A history with no claims. */
  static ClaimHistory none() {
    return new ClaimHistory() {
      @Override
      public List<PastClaim> byVisitKey(String maLk) {
        return List.of();
      }

      @Override
      public List<PastClaim> onCard(String cardNumber, LocalDateTime from, LocalDateTime to) {
        return List.of();
      }
    };
  }
}
