package vn.bhyt.claims.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.bhyt.claims.assessment.CardHistory;
import vn.bhyt.claims.assessment.CardPeriod;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.verifier.registry.CardTerm;
import vn.bhyt.verifier.registry.CardTerms;
import vn.bhyt.verifier.rules.CardStatus;

/**
 * The card registry's terms as a card history, asked of the verifier's {@link CardTerms}. A card's
 * period is its term's valid-from to valid-to with its benefit level; an empty start is open, an
 * empty end has no end (new-model cards). A term without either date gives no period (the claim's
 * dates decide). A {@code revoked} card was never valid: its one period is {@link #NEVER}. A
 * replaced card and its replacement are separate rows: each number answers with its own period.
 */
public final class RegistryCardHistory implements CardHistory {
  /** The period of a revoked card: it covers no day a claim can have. */
  public static final CardPeriod NEVER = new CardPeriod(LocalDate.MIN, LocalDate.MIN, null);

  private final CardTerms terms;

  public RegistryCardHistory(CardTerms terms) {
    this.terms = terms;
  }

  /**
   * {@inheritDoc}
   *
   * @throws vn.bhyt.persistence.DatabaseException when the database does not answer
   */
  @Override
  public List<CardPeriod> periods(@Nullable String cardNumber) {
    return periodsOf(Collections.singletonList(cardNumber)).getOrDefault(cardNumber, List.of());
  }

  /**
   * {@inheritDoc} The registry is asked once for all of them.
   *
   * @throws vn.bhyt.persistence.DatabaseException when the database does not answer
   */
  @Override
  public Map<String, List<CardPeriod>> periodsOf(Collection<String> cardNumbers) {
    Map<String, CardNumber> parsed = new HashMap<>();
    for (String number : cardNumbers) {
      if (number != null && !number.isBlank()) {
        parsed.put(number, CardNumber.of(number));
      }
    }
    Map<CardNumber, CardTerm> known = terms.of(new ArrayList<>(parsed.values()));
    Map<String, List<CardPeriod>> out = new HashMap<>();
    for (String number : cardNumbers) {
      CardNumber card = parsed.get(number);
      CardTerm term = card == null ? null : known.get(card);
      out.put(number, term == null ? List.of() : period(term));
    }
    return out;
  }

  private static List<CardPeriod> period(CardTerm term) {
    if (term.status() == CardStatus.REVOKED) {
      return List.of(NEVER);
    }
    if (term.validFrom() == null && term.validTo() == null) {
      return List.of();
    }
    return List.of(
        new CardPeriod(
            term.validFrom() == null ? LocalDate.MIN : term.validFrom(),
            term.validTo(),
            term.benefitLevel()));
  }
}
