package vn.bhyt.claims.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.bhyt.claims.assessment.Checks.CLAIMS;
import static vn.bhyt.claims.assessment.Checks.REFERENCE;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleBookTest {

  @Test
  void theStandardRulesAreListedWithIdsVersionsAndDescriptions() {
    RuleBook book = RuleBook.standard(REFERENCE, CLAIMS, Set.of());
    List<RuleBook.Listing> listing = book.listing();
    assertThat(listing)
        .hasSize(17)
        .allSatisfy(
            l -> {
              RuleInfo r = l.rule();
              assertThat(l.enabled()).isTrue();
              assertThat(r.ref()).matches("[a-z0-9.-]+@[0-9]+");
              assertThat(r.description()).isNotBlank().doesNotContain("\n").endsWith(".");
            });
    assertThat(listing)
        .extracting(l -> l.rule().id())
        .doesNotHaveDuplicates()
        .contains("structure.required", "money.lines", "card.benefit-rate", "diagnoses.icd10");
  }

  @Test
  void everyStandardRuleIsAClassNamedRule() {
    RuleBook book = RuleBook.standard(REFERENCE, CLAIMS, Set.of());
    assertThat(book.inForceOn(LocalDate.of(2026, 3, 5)))
        .hasSize(17)
        .allSatisfy(r -> assertThat(r.getClass().getSimpleName()).endsWith("Rule"));
  }

  @Test
  void configurationDisablesRulesById() {
    RuleBook book = RuleBook.standard(REFERENCE, CLAIMS, Set.of("card.check-in", "money.totals"));
    assertThat(book.enabled("card.check-in")).isFalse();
    assertThat(book.listing())
        .filteredOn(l -> !l.enabled())
        .extracting(l -> l.rule().id())
        .containsExactlyInAnyOrder("card.check-in", "money.totals");
    assertThat(book.inForceOn(LocalDate.of(2026, 3, 5))).hasSize(15);
  }

  @Test
  void anUnknownDisabledIdIsRejected() {
    assertThatThrownBy(() -> RuleBook.standard(REFERENCE, CLAIMS, Set.of("money.lines", "nope")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[nope]");
  }

  @Test
  void ruleInfoRejectsBadValues() {
    LocalDate d = LocalDate.of(2020, 1, 1);
    assertThatThrownBy(() -> new RuleInfo("Bad Id", 1, d, null, Severity.INFO, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RuleInfo("ok", 0, d, null, Severity.INFO, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RuleInfo("ok", 1, d, d.minusDays(1), Severity.INFO, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    RuleInfo bounded = new RuleInfo("ok", 2, d, d.plusDays(1), Severity.INFO, "x");
    assertThat(bounded.inForceOn(d.minusDays(1))).isFalse();
    assertThat(bounded.inForceOn(d)).isTrue();
    assertThat(bounded.inForceOn(d.plusDays(1))).isTrue();
    assertThat(bounded.inForceOn(d.plusDays(2))).isFalse();
    assertThat(bounded.ref()).isEqualTo("ok@2");
  }
}
