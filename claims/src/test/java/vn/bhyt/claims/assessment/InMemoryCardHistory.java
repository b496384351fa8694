package vn.bhyt.claims.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A card history held in a map, for tests. */
final class InMemoryCardHistory implements CardHistory {
  private final Map<String, List<CardPeriod>> periods = new HashMap<>();

  InMemoryCardHistory valid(String card, LocalDate from, LocalDate to, Integer level) {
    periods.computeIfAbsent(card, c -> new ArrayList<>()).add(new CardPeriod(from, to, level));
    return this;
  }

  @Override
  public List<CardPeriod> periods(String cardNumber) {
    return periods.getOrDefault(cardNumber, List.of());
  }
}
