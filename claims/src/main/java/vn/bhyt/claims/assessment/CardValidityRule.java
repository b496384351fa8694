package vn.bhyt.claims.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks that a card of the claim is valid on the admission date ({@code NGAY_VAO}) and on every
 * service date ({@code NGAY_YL}): by the card dates the claim gives ({@code GT_THE_TU}, {@code
 * GT_THE_DEN}) and, for each card the registry knows, by the registry's periods. A stay that
 * straddles two cards is valid when every date falls within one of them. When the registry knows
 * none of the cards, an information finding says the check rested on the claim's own dates.
 */
final class CardValidityRule implements Rule {
  private static final RuleInfo INFO =
      new RuleInfo(
          "card.validity",
          1,
          LocalDate.of(2018, 1, 1),
          null,
          Severity.CRITICAL,
          "A card is valid on the admission date and on every service date.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ClaimFacts claim, AssessmentContext context, Findings out) {
    List<ClaimCard> cards = ClaimCard.of(claim);
    if (cards.isEmpty()) {
      return;
    }
    boolean aligned = listsAligned(claim, out);
    Map<ClaimCard, List<CardPeriod>> registry =
        cards.stream()
            .collect(
                Collectors.toMap(Function.identity(), c -> context.cards().periods(c.number())));
    Validity validity = new Validity(cards, registry, aligned);
    if (claim.admitted() != null) {
      checkDay(claim.admitted().toLocalDate(), claim.at("NGAY_VAO"), validity, true, out);
    }
    for (Line line : claim.lines()) {
      LocalDate day = line.serviceDay();
      if (day != null) {
        checkDay(day, line.at("NGAY_YL"), validity, false, out);
      }
    }
    if (registry.values().stream().allMatch(List::isEmpty)) {
      out.add(
          FindingCode.CARD_NOT_CHECKED,
          Severity.INFO,
          claim.at("MA_THE_BHYT"),
          null,
          null,
          "The registry knows none of the claim's cards: validity was checked against"
              + " GT_THE_TU and GT_THE_DEN only.");
    }
  }

  private static boolean listsAligned(ClaimFacts claim, Findings out) {
    boolean aligned = true;
    for (String field : List.of("GT_THE_TU", "GT_THE_DEN")) {
      if (!ClaimCard.alignedWithCards(claim, field)) {
        aligned = false;
        out.add(
            FindingCode.CARD_LIST_MISMATCH,
            claim.at(field),
            claim.cards().size() + " item(s)",
            Values.list(claim.text(field)).size() + " item(s)",
            field + " does not list one date per card of MA_THE_BHYT.");
      }
    }
    return aligned;
  }

  private static void checkDay(
      LocalDate day, Place at, Validity validity, boolean admission, Findings out) {
    FindingCode code =
        admission
            ? FindingCode.CARD_NOT_VALID_ON_ADMISSION
            : FindingCode.CARD_NOT_VALID_ON_SERVICE_DATE;
    String what = admission ? "The admission date " : "The service date ";
    if (validity.aligned() && !validity.byClaim(day)) {
      out.add(
          code,
          at,
          "within GT_THE_TU..GT_THE_DEN",
          day,
          what + day + " is outside the validity of every card the claim lists.");
    } else if (!validity.byRegistry(day)) {
      out.add(
          code,
          at,
          "within a registry period",
          day,
          what + day + " is outside every period in which the registry holds a card valid.");
    }
  }

  private record Validity(
      List<ClaimCard> cards, Map<ClaimCard, List<CardPeriod>> registry, boolean aligned) {

    boolean byClaim(LocalDate day) {
      return cards.stream().anyMatch(c -> c.covers(day));
    }

    /** Valid by a known card's registry period, or by the claim's dates of an unknown card. */
    boolean byRegistry(LocalDate day) {
      return cards.stream()
          .anyMatch(
              c -> {
                List<CardPeriod> periods = registry.getOrDefault(c, List.of());
                return periods.isEmpty()
                    ? c.covers(day)
                    : periods.stream().anyMatch(p -> p.covers(day));
              });
    }
  }
}
