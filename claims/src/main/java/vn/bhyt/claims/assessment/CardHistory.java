package vn.bhyt.claims.assessment;

import java.util.List;

/**
 * The registry's knowledge of cards over time: in which periods a card was valid, at which level.
 */
@FunctionalInterface
public interface CardHistory {

  /** The periods the registry holds the card valid; empty when it does not know the card. */
  List<CardPeriod> periods(String cardNumber);

  /** A history that knows no card. */
  static CardHistory none() {
    return number -> List.of();
  }
}
