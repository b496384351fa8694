package vn.bhyt.verifier.rules;

import org.jspecify.annotations.Nullable;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.verifier.card.CardPayload;

/** Merges the registry's row with what the card itself says; the registry wins where it knows. */
final class CardFactsMerge {
  private CardFactsMerge() {}

  static CardFacts merge(Evidence evidence, @Nullable RegistryEntry e) {
    CardPayload p = CardRules.payloadOf(evidence);
    CardNumber number = e != null ? e.cardNumber() : CardRules.numberOf(evidence, null);
    return new CardFacts(
        number,
        first(e == null ? null : e.ssn(), number.ssn()),
        first(e == null ? null : e.groupCode(), number.group()),
        first(
            e == null ? null : e.benefitLevel(),
            p == null ? null : p.benefitLevel(),
            number.level()),
        number.province(),
        first(e == null ? null : e.name(), evidence.name()),
        first(e == null ? null : e.birthDate(), evidence.birthDate()),
        first(e == null ? null : e.sex(), p == null ? null : p.sex()),
        first(e == null ? null : e.address(), p == null ? null : p.address()),
        first(e == null ? null : e.registeredFacility(), p == null ? null : p.registeredFacility()),
        first(e == null ? null : e.validFrom(), p == null ? null : p.validFrom()),
        first(e == null ? null : e.validTo(), p == null ? null : p.validTo()),
        first(e == null ? null : e.issuedOn(), p == null ? null : p.issuedOn()),
        first(e == null ? null : e.livingArea(), p == null ? null : p.livingArea()),
        first(e == null ? null : e.fiveYearsFrom(), p == null ? null : p.fiveYearsFrom()),
        e == null ? null : e.replacedBy(),
        e == null ? null : e.status());
  }

  /** The first value that is not null, or null. */
  @SafeVarargs
  static <T> @Nullable T first(@Nullable T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
