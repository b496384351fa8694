package vn.bhyt.claims.assessment;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reception's check-ins held in sets, for tests; it knows every visit and card it was told of. */
final class InMemoryCheckIns implements CheckIns {
  private final Set<List<String>> visits = new HashSet<>();
  private final Set<List<Object>> cards = new HashSet<>();
  private final Set<List<String>> unproven = new HashSet<>();

  InMemoryCheckIns visit(String facility, String maLk) {
    visits.add(List.of(facility, maLk));
    return this;
  }

  /** A visit recorded without a card check that proves it. */
  InMemoryCheckIns unproven(String facility, String maLk) {
    unproven.add(List.of(facility, maLk));
    return this;
  }

  InMemoryCheckIns card(String facility, String card, LocalDate day) {
    cards.add(List.of(facility, card, day));
    return this;
  }

  @Override
  public CheckIn byVisit(String facility, String maLk, List<String> claimCards) {
    if (visits.contains(List.of(facility, maLk))) {
      return CheckIn.PROVEN;
    }
    return unproven.contains(List.of(facility, maLk)) ? CheckIn.UNPROVEN : CheckIn.ABSENT;
  }

  @Override
  public CheckIn byCard(String facility, String cardNumber, LocalDate day) {
    return cards.contains(List.of(facility, cardNumber, day)) ? CheckIn.PROVEN : CheckIn.ABSENT;
  }
}
