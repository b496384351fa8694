package vn.bhyt.claims.submission;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.bhyt.claims.assessment.CardHistory;
import vn.bhyt.claims.assessment.CardPeriod;

/**
 * The card history as one envelope sees it: each card is looked up once, when a dossier of the
 * envelope first asks for it, and answered from memory for the rest of the envelope (the rules ask
 * for a card's periods for the validity check and again for the benefit level of every line).
 * Confined to the envelope's thread.
 */
final class EnvelopeCards implements CardHistory {
  private final CardHistory registry;
  private final Map<String, List<CardPeriod>> seen = new HashMap<>();

  EnvelopeCards(CardHistory registry) {
    this.registry = registry;
  }

  /** Looks up at once those of the cards not looked up yet. */
  void prefetch(Collection<String> cardNumbers) {
    List<String> unseen = new ArrayList<>();
    for (String number : cardNumbers) {
      if (number != null && !seen.containsKey(number)) {
        unseen.add(number);
      }
    }
    if (!unseen.isEmpty()) {
      seen.putAll(registry.periodsOf(unseen));
    }
  }

  @Override
  public List<CardPeriod> periods(String cardNumber) {
    List<CardPeriod> known = seen.get(cardNumber);
    if (known == null) {
      known = registry.periods(cardNumber);
      seen.put(cardNumber, known);
    }
    return known;
  }
}
