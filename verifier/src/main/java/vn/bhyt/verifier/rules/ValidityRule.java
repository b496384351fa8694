package vn.bhyt.verifier.rules;

import java.util.function.Consumer;
import vn.bhyt.domain.CardNumber;

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
      // A new-model card prints its start and no end; of a typed number nothing printed is known.
      boolean newModelPrint =
          card.number().model() == CardNumber.Model.NEW && card.validFrom() != null;
      out.accept(
          Finding.of(
              newModelPrint ? FindingCode.VALIDITY_UNKNOWN : FindingCode.VALIDITY_NOT_KNOWN));
    }
  }
}
