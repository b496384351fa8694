package vn.bhyt.claims.assessment;

import java.util.ArrayList;
import java.util.List;
import vn.bhyt.claims.claim.ClaimDossier;

/**
 * Pre-assesses claims: runs the rule book's enabled rules in force on each claim's visit date
 * ({@code NGAY_VAO}, else the day it was received) and sums its lines.
 *
 * <p>A rule that throws has a bug: the exception propagates rather than becoming a finding.
 */
public final class Assessor {
  private final RuleBook book;

  public Assessor(RuleBook book) {
    this.book = book;
  }

  public Assessment assess(ClaimDossier dossier, AssessmentContext context) {
    ClaimFacts claim = ClaimFacts.of(dossier, context.receivedOn());
    List<Finding> findings = new ArrayList<>();
    for (Rule rule : book.inForceOn(claim.visitDay())) {
      Findings out = new Findings(rule.info());
      rule.check(claim, context, out);
      findings.addAll(out.list());
    }
    return Assessment.of(findings, Totals.of(claim));
  }
}
