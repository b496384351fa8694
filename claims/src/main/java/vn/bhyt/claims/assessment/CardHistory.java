package vn.bhyt.claims.assessment;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry's knowledge of cards over time: in which periods a card was valid, at which level.
 */
@FunctionalInterface
public interface CardHistory {

  /** The periods the registry holds the card valid; empty when it does not know the card. */
  List<CardPeriod> periods(String cardNumber);

  /**
   * The periods of several cards, by number as given, each as {@link #periods(String)} answers it;
   * a history that can look many cards up at once overrides this.
   */
  default Map<String, List<CardPeriod>> periodsOf(Collection<String> cardNumbers) {
    Map<String, List<CardPeriod>> out = new HashMap<>();
    for (String number : cardNumbers) {
      out.put(number, periods(number));
    }
    return out;
  }

  /** A history that knows no card. */
  static CardHistory none() {
    return number -> List.of();
  }
}
