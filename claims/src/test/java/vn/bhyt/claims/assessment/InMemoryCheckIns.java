package vn.bhyt.claims.assessment;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reception's check-ins held in sets, for tests; it knows every visit and card it was told of. */
final class InMemoryCheckIns implements CheckIns {
  private final Set<List<String>> visits = new HashSet<>();
  private final Set<List<Object>> cards = new HashSet<>();

  InMemoryCheckIns visit(String facility, String maLk) {
    visits.add(List.of(facility, maLk));
    return this;
  }

  InMemoryCheckIns card(String facility, String card, LocalDate day) {
    cards.add(List.of(facility, card, day));
    return this;
  }

  @Override
  public Answer byVisit(String facility, String maLk) {
    return visits.contains(List.of(facility, maLk)) ? Answer.YES : Answer.NO;
  }

  @Override
  public Answer byCard(String facility, String cardNumber, LocalDate day) {
    return cards.contains(List.of(facility, cardNumber, day)) ? Answer.YES : Answer.NO;
  }
}
