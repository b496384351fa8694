package vn.bhyt.claims.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.bhyt.claims.assessment.Checks.CLAIMS;
import static vn.bhyt.claims.assessment.Checks.REFERENCE;
import static vn.bhyt.claims.assessment.Dossiers.CARD;
import static vn.bhyt.claims.assessment.Dossiers.FACILITY;
import static vn.bhyt.claims.assessment.Dossiers.aVisit;
import static vn.bhyt.claims.assessment.Dossiers.nothingKnown;
import static vn.bhyt.claims.assessment.Dossiers.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.bhyt.claims.claim.ClaimDossier;

class AssessorTest {
  final Assessor standard = new Assessor(RuleBook.standard(REFERENCE, CLAIMS, Set.of()));

  /** A context that knows the test visit: registry, reception, prices and diagnoses. */
  static AssessmentContext knowing(InMemoryPrices prices) {
    return nothingKnown()
        .withCards(
            new InMemoryCardHistory()
                .valid(CARD, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 4))
        .withCheckIns(new InMemoryCheckIns().visit(FACILITY, "LK0001"))
        .withPrices(prices)
        .withDiagnoses(new InMemoryIcdList("J18.9", "I10"));
  }

  /** A rule that finds what it is told, on visits within its dates. */
  record FixedRule(RuleInfo info, List<LocalDate> seen) implements Rule {
    FixedRule(String id, LocalDate from, LocalDate to, Severity severity) {
      this(new RuleInfo(id, 1, from, to, severity, "finds one thing"), new ArrayList<>());
    }

    @Override
    public void check(ClaimFacts claim, AssessmentContext context, Findings out) {
      seen.add(claim.visitDay());
      out.add(FindingCode.FIELD_MISSING, claim.at("X"), null, null, "found");
    }
  }

  @Test
  void theRealLinePassesEveryRuleClean() {
    ClaimDossier d =
        aVisit()
            .withLine(service("18.0001.0001", 8, "2", "714500").insuredRatio("70").benefit("80"))
            .build();
    Assessment a =
        standard.assess(d, knowing(new InMemoryPrices().price("18.0001.0001", "714500")));
    assertThat(a.findings()).isEmpty();
    assertThat(a.status()).isEqualTo(AssessmentStatus.ACCEPTED);
    assertThat(a.totals())
        .isEqualTo(
            new Totals(
                new java.math.BigDecimal("1429000.00"),
                new java.math.BigDecimal("1000300.00"),
                new java.math.BigDecimal("800240.00"),
                new java.math.BigDecimal("200060.00"),
                new java.math.BigDecimal("428700.00"),
                new java.math.BigDecimal("0.00")));
  }

  @Test
  void withNothingKnownTheCardCheckIsOnlyNoted() {
    ClaimDossier d = aVisit().withLine(service("A", 2, "1", "1000000")).build();
    Assessment a = standard.assess(d, nothingKnown());
    assertThat(a.findings()).extracting(Finding::code).containsExactly("CARD_NOT_CHECKED");
    assertThat(a.status()).isEqualTo(AssessmentStatus.ACCEPTED);
  }

  @Test
  void statusFollowsTheWorstFinding() {
    ClaimDossier d = aVisit().build();
    LocalDate from = LocalDate.of(2018, 1, 1);
    var info = new FixedRule("t.info", from, null, Severity.INFO);
    var warning = new FixedRule("t.warning", from, null, Severity.WARNING);
    var critical = new FixedRule("t.critical", from, null, Severity.CRITICAL);
    assertThat(assess(d, info).status()).isEqualTo(AssessmentStatus.ACCEPTED);
    assertThat(assess(d, info, warning).status()).isEqualTo(AssessmentStatus.FLAGGED);
    assertThat(assess(d, warning, critical).status()).isEqualTo(AssessmentStatus.REJECTED);
    assertThat(assess(d, critical).findings())
        .singleElement()
        .satisfies(f -> assertThat(f.rule()).isEqualTo("t.critical@1"));
  }

  @Test
  void rulesApplyByTheVisitDate() {
    var old =
        new FixedRule(
            "t.old", LocalDate.of(2018, 1, 1), LocalDate.of(2025, 6, 30), Severity.CRITICAL);
    var current = new FixedRule("t.new", LocalDate.of(2025, 7, 1), null, Severity.CRITICAL);
    Assessment a = assess(aVisit().build(), old, current);
    assertThat(a.findings()).extracting(Finding::rule).containsExactly("t.new@1");
    Assessment before = assess(aVisit().with("NGAY_VAO", "202506300800").build(), old, current);
    assertThat(before.findings()).extracting(Finding::rule).containsExactly("t.old@1");
  }

  @Test
  void anUnreadableAdmissionFallsBackToTheDayReceived() {
    var rule = new FixedRule("t.any", LocalDate.of(2018, 1, 1), null, Severity.INFO);
    assess(aVisit().with("NGAY_VAO", "05/03/2026").build(), rule);
    assertThat(rule.seen()).containsExactly(Dossiers.RECEIVED);
  }

  @Test
  void disabledRulesDoNotRun() {
    var rule = new FixedRule("t.off", LocalDate.of(2018, 1, 1), null, Severity.CRITICAL);
    Assessor off = new Assessor(new RuleBook(List.of(rule), Set.of("t.off")));
    assertThat(off.assess(aVisit().build(), nothingKnown()).findings()).isEmpty();
    assertThat(rule.seen()).isEmpty();
  }

  @Test
  void aRuleThatThrowsIsABugNotAFinding() {
    Rule broken =
        new Rule() {
          @Override
          public RuleInfo info() {
            return new RuleInfo("t.broken", 1, LocalDate.of(2018, 1, 1), null, Severity.INFO, "x");
          }

          @Override
          public void check(ClaimFacts claim, AssessmentContext context, Findings out) {
            throw new IllegalStateException("bug");
          }
        };
    assertThatThrownBy(() -> assess(aVisit().build(), broken))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("bug");
  }

  private static Assessment assess(ClaimDossier d, Rule... rules) {
    return new Assessor(new RuleBook(List.of(rules), Set.of())).assess(d, nothingKnown());
  }
}
