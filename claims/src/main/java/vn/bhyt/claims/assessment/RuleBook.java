package vn.bhyt.claims.assessment;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import vn.bhyt.reference.ReferenceData;

/**
 * Every pre-assessment rule the gateway knows, and which of them configuration turned off.
 *
 * <p>Configuration names rules to disable by id ({@code assessment.disabled-rules}); an id that is
 * no rule's is rejected rather than ignored.
 */
public final class RuleBook {
  private final List<Rule> rules;
  private final Set<String> disabled;

  /**
   * A book of rules.
   *
   * @throws IllegalArgumentException when two rules share an id or a disabled id is no rule's
   */
  public RuleBook(List<Rule> rules, Set<String> disabled) {
    this.rules = List.copyOf(rules);
    Set<String> ids = new HashSet<>();
    for (Rule r : this.rules) {
      if (!ids.add(r.info().id())) {
        throw new IllegalArgumentException("rule id: '" + r.info().id() + "' used twice");
      }
    }
    Set<String> unknown = new TreeSet<>(disabled);
    unknown.removeAll(ids);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "disabled rules: " + unknown + " (expected: ids of " + new TreeSet<>(ids) + ")");
    }
    this.disabled = Set.copyOf(disabled);
  }

  /** The standard rules over the reference data, less the disabled ones. */
  public static RuleBook standard(
      ReferenceData reference, ClaimReference claims, Set<String> disabled) {
    return new RuleBook(
        List.of(
            new RequiredFieldsRule(claims),
            new FieldFormatRule(claims),
            new CodeListRule(claims),
            new VisitKeyRule(),
            new LineMoneyRule(),
            new SummaryTotalsRule(claims),
            new MoneyIdentityRule(),
            new CardValidityRule(),
            new BenefitRateRule(reference, claims),
            new CheckInRule(),
            new VisitDatesRule(),
            new TreatmentDaysRule(claims),
            new CataloguePriceRule(),
            new OutOfListRule(reference, claims),
            new DailyLimitRule(claims.dailyLimits()),
            new ClaimHistoryRule(claims),
            new DiagnosisRule()),
        disabled);
  }

  /** Every rule with whether it is enabled, in the order they run. */
  public List<Listing> listing() {
    return rules.stream().map(r -> new Listing(r.info(), enabled(r.info().id()))).toList();
  }

  public boolean enabled(String id) {
    return !disabled.contains(id);
  }

  /** The enabled rules in force for a visit that started on that day, in the order they run. */
  public List<Rule> inForceOn(LocalDate day) {
    return rules.stream().filter(r -> enabled(r.info().id()) && r.info().inForceOn(day)).toList();
  }

  /** A rule as {@code GET /api/v1/rules} lists it. */
  public record Listing(RuleInfo rule, boolean enabled) {}
}
