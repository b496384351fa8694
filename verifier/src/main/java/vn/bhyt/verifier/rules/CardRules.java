package vn.bhyt.verifier.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.reference.ReferenceData;
import vn.bhyt.verifier.card.CardPayload;

/**
 * Judges a card for a visit: every rule's findings, the result code, the outcome and the coverage.
 */
public final class CardRules {
  private final NumberRule numbers;
  private final CoverageRule coverage;
  private final Facility facility;

  public CardRules(ReferenceData reference, Facility facility) {
    this.numbers = new NumberRule(reference);
    this.coverage = new CoverageRule(reference);
    this.facility = facility;
  }

  /**
   * Judges what reception presented.
   *
   * @param entry the registry's row for the card, or null when it has none
   * @param fund what the fund said when the registry had no row (ignored otherwise)
   */
  public Verdict judge(
      Evidence evidence, @Nullable RegistryEntry entry, FundState fund, Visit visit) {
    CardFacts card = CardFactsMerge.merge(evidence, entry);
    List<Finding> findings = new ArrayList<>();
    numbers.check(card, findings::add);
    IdentityRule.check(evidence, entry, findings::add);
    ValidityRule.check(card, visit, entry != null, findings::add);
    if (entry == null) {
      findings.add(Finding.of(FindingCode.NOT_IN_REGISTRY));
      findings.add(
          Finding.of(
              switch (fund) {
                case NOT_CONFIGURED -> FindingCode.FUND_NOT_CONFIGURED;
                case UNAVAILABLE -> FindingCode.FUND_UNAVAILABLE;
                case CARD_UNKNOWN -> FindingCode.CARD_UNKNOWN_TO_FUND;
              }));
    }
    findings.sort(Comparator.comparing(f -> FindingCode.valueOf(f.code())));
    Outcome outcome = outcome(findings, entry != null);
    Coverage cover = outcome == Outcome.INVALID ? null : coverage.compute(card, visit, facility);
    return new Verdict(
        result(findings),
        outcome,
        findings,
        card,
        cover,
        entry != null ? Source.REGISTRY : Source.CARD);
  }

  /**
   * The share the fund pays for a visit on a card taken as valid, without judging the card again:
   * for claims, whose card was checked at reception and whose costs are already known.
   */
  public Coverage coverage(CardFacts card, Visit visit) {
    return coverage.compute(card, visit, facility);
  }

  /** The result code of the first finding that has one, in the order of the findings' codes. */
  private static String result(List<Finding> sorted) {
    for (Finding f : sorted) {
      if (f.result() != null) {
        return f.result();
      }
    }
    return "000";
  }

  private static Outcome outcome(List<Finding> findings, boolean inRegistry) {
    boolean warning = false;
    for (Finding f : findings) {
      if (f.severity() == Severity.INVALID) {
        return Outcome.INVALID;
      }
      warning |= f.severity() == Severity.WARNING;
    }
    if (!inRegistry) {
      return Outcome.UNCONFIRMED;
    }
    return warning ? Outcome.WARNING : Outcome.VALID;
  }

  /** The number a check is about: the scanned or typed one, or the registry's for a citizen ID. */
  public static CardNumber numberOf(Evidence evidence, @Nullable RegistryEntry entry) {
    if (evidence instanceof Evidence.Scanned s) {
      return s.payload().number();
    }
    if (evidence instanceof Evidence.Typed t) {
      return t.number();
    }
    if (entry == null) {
      throw new IllegalArgumentException("a citizen ID's card number comes from the registry");
    }
    return entry.cardNumber();
  }

  static @Nullable CardPayload payloadOf(Evidence evidence) {
    return evidence instanceof Evidence.Scanned s ? s.payload() : null;
  }
}
