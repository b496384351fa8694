package vn.bhyt.verifier.rules;

import java.util.function.Consumer;

/** Checks the card's status and its validity period on the visit date. */
final class ValidityRule {
  private ValidityRule() {}

  static void check(CardFacts card, Visit visit, boolean inRegistry, Consumer<Finding> out) {
    if (card.status() == CardStatus.REVOKED) {
      out.accept(Finding.of(FindingCode.CARD_REVOKED));
    } else if (card.status() == CardStatus.REDUCED) {
      out.accept(Finding.of(FindingCode.CARD_REDUCED));
    }
    if (card.validFrom() != null && visit.date().isBefore(card.validFrom())) {
      out.accept(Finding.of(FindingCode.CARD_NOT_YET_VALID, card.validFrom()));
    }
    boolean ended = card.validTo() != null && visit.date().isAfter(card.validTo());
    if (ended || card.status() == CardStatus.EXPIRED) {
      out.accept(
          card.replacedBy() != null
              ? Finding.of(FindingCode.CARD_REPLACED, card.replacedBy())
              : Finding.of(
                  FindingCode.CARD_EXPIRED, card.validTo() == null ? "-" : card.validTo()));
    } else if (card.replacedBy() != null) {
      out.accept(Finding.of(FindingCode.CARD_REPLACED_STILL_VALID, card.replacedBy()));
    }
    if (card.validTo() == null && !inRegistry) {
      out.accept(Finding.of(FindingCode.VALIDITY_UNKNOWN));
    }
  }
}
