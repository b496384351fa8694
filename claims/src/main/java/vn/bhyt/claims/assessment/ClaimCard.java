package vn.bhyt.claims.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.bhyt.domain.CardNumber;

/**
 * One card a claim lists: item {@code index} of {@code MA_THE_BHYT} with the same item of {@code
 * GT_THE_TU}, {@code GT_THE_DEN} and {@code MA_DKBD}. A stay that straddles two cards lists both,
 * {@code ;}-joined in each field.
 *
 * @param index the card's position in the lists, from 1
 * @param from its first valid day as the claim gives it, or null
 * @param to its last valid day as the claim gives it, or null
 * @param registered its registered primary-care facility, or null
 */
record ClaimCard(
    int index,
    String number,
    @Nullable LocalDate from,
    @Nullable LocalDate to,
    @Nullable String registered) {

  /** The claim's cards; dates and facilities are taken only from lists as long as the cards'. */
  static List<ClaimCard> of(ClaimFacts claim) {
    List<String> numbers = claim.cards();
    List<String> froms = aligned(claim, "GT_THE_TU", numbers.size());
    List<String> tos = aligned(claim, "GT_THE_DEN", numbers.size());
    List<String> registered = aligned(claim, "MA_DKBD", numbers.size());
    List<ClaimCard> cards = new ArrayList<>();
    for (int i = 0; i < numbers.size(); i++) {
      cards.add(
          new ClaimCard(
              i + 1,
              numbers.get(i),
              Values.date(item(froms, i)),
              Values.date(item(tos, i)),
              item(registered, i)));
    }
    return cards;
  }

  /** Whether a {@code ;}-list of the summary is absent or as long as the list of cards. */
  static boolean alignedWithCards(ClaimFacts claim, String field) {
    List<String> items = Values.list(claim.text(field));
    return items.isEmpty() || items.size() == claim.cards().size();
  }

  /** The first of the cards the claim gives as valid on a day, else the first card. */
  static Optional<ClaimCard> on(List<ClaimCard> cards, LocalDate day) {
    return cards.stream()
        .filter(c -> c.covers(day))
        .findFirst()
        .or(() -> cards.stream().findFirst());
  }

  /** Whether the claim's own dates for the card cover the day (an absent bound is open). */
  boolean covers(LocalDate day) {
    return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
  }

  /**
   * The card's benefit level on a day: the registry's for the period covering it, else the digit of
   * an old-model number, else null.
   */
  @Nullable Integer level(LocalDate day, CardHistory history) {
    Optional<Integer> registry =
        history.periods(number).stream()
            .filter(p -> p.covers(day) && p.benefitLevel() != null)
            .map(CardPeriod::benefitLevel)
            .findFirst();
    if (registry.isPresent()) {
      return registry.get();
    }
    CardNumber parsed = CardNumber.of(number);
    return parsed.model() == CardNumber.Model.OLD ? parsed.level() : null;
  }

  private static List<String> aligned(ClaimFacts claim, String field, int size) {
    List<String> items = Values.list(claim.text(field));
    if (items.size() == size) {
      return items;
    }
    return items.size() == 1 ? java.util.Collections.nCopies(size, items.get(0)) : List.of();
  }

  private static @Nullable String item(List<String> items, int i) {
    if (i >= items.size() || items.get(i).isEmpty()) {
      return null;
    }
    return items.get(i);
  }
}
