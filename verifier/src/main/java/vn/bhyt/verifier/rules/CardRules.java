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
   * @param fund what the fund's online check gave
   */
  public Verdict judge(
      Evidence evidence, @Nullable RegistryEntry entry, FundReply fund, Visit visit) {
    FundAnswer answer = fund.answer();
    if (answer != null && FundFacts.judgesCard(answer.resultCode())) {
      return judgedByFund(evidence, entry, answer, visit);
    }
    CardFacts card = CardFactsMerge.merge(evidence, entry);
    List<Finding> findings = new ArrayList<>();
    numbers.check(card, findings::add);
    IdentityRule.check(evidence, entry, findings::add);
    ValidityRule.check(card, visit, entry != null, findings::add);
    if (answer != null) {
      FundResultRule.check(answer, entry, findings::add);
    }
    if (entry == null) {
      findings.add(Finding.of(FindingCode.NOT_IN_REGISTRY));
      switch (fund.kind()) {
        case NOT_CONFIGURED -> findings.add(Finding.of(FindingCode.FUND_NOT_CONFIGURED));
        case NO_ANSWER -> findings.add(Finding.of(FindingCode.FUND_UNAVAILABLE));
        default -> {}
      }
    } else if (fund.kind() == FundReply.Kind.NO_ANSWER) {
      findings.add(
          Finding.of(
              FindingCode.FUND_UNAVAILABLE_REGISTRY_USED,
              fund.registryAsOf() == null ? "-" : fund.registryAsOf()));
    }
    return verdict(
        findings, card, visit, entry != null, entry != null ? Source.REGISTRY : Source.CARD);
  }

  /**
   * The fund's verdict: its result code, its card data over the registry's and the card's, the
   * card's validity on the visit's day by the fund's dates, and its treatment history. The name and
   * birth date are the fund's to compare: it compared what was presented.
   */
  private Verdict judgedByFund(
      Evidence evidence, @Nullable RegistryEntry entry, FundAnswer answer, Visit visit) {
    CardNumber asked = numberOf(evidence, entry);
    RegistryEntry fromFund = FundFacts.entry(answer, asked, entry).orElse(null);
    // the status is the fund's result code's to state, so that it is stated once
    RegistryEntry judged = fromFund == null ? entry : withoutStatus(fromFund);
    CardFacts card = CardFactsMerge.merge(evidence, judged);
    List<Finding> findings = new ArrayList<>();
    numbers.check(card, findings::add);
    if (judged != null) {
      ValidityRule.check(card, visit, true, findings::add);
    }
    FundResultRule.check(answer, fromFund, findings::add);
    FundResultRule.history(answer, visit, facility, findings::add);
    return verdict(distinct(findings), card, visit, true, Source.FUND);
  }

  private Verdict verdict(
      List<Finding> findings, CardFacts card, Visit visit, boolean confirmed, Source source) {
    findings.sort(Comparator.comparing(f -> FindingCode.valueOf(f.code())));
    Outcome outcome = outcome(findings, confirmed);
    Coverage cover = outcome == Outcome.INVALID ? null : coverage.compute(card, visit, facility);
    return new Verdict(result(findings), outcome, findings, card, cover, source);
  }

  /** The findings, each code once: the first of a code stays. */
  private static List<Finding> distinct(List<Finding> findings) {
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      if (out.stream().noneMatch(o -> o.code().equals(f.code()))) {
        out.add(f);
      }
    }
    return out;
  }

  private static RegistryEntry withoutStatus(RegistryEntry e) {
    return new RegistryEntry(
        e.cardNumber(),
        e.ssn(),
        e.citizenId(),
        e.name(),
        e.birthDate(),
        e.sex(),
        e.address(),
        e.registeredFacility(),
        e.validFrom(),
        e.validTo(),
        e.issuedOn(),
        null,
        e.replacedBy(),
        e.fiveYearsFrom(),
        e.livingArea(),
        e.benefitLevel(),
        e.groupCode(),
        e.confirmedAt());
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

  private static Outcome outcome(List<Finding> findings, boolean confirmed) {
    boolean warning = false;
    for (Finding f : findings) {
      if (f.severity() == Severity.INVALID) {
        return Outcome.INVALID;
      }
      warning |= f.severity() == Severity.WARNING;
    }
    if (!confirmed) {
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
