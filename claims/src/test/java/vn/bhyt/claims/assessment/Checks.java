package vn.bhyt.claims.assessment;

import java.util.List;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.reference.ReferenceData;

/** Runs one rule on one dossier, for tests; the reference tables are the built-in ones. */
final class Checks {
  static final ReferenceData REFERENCE = ReferenceData.builtIn();
  static final ClaimReference CLAIMS = ClaimReference.builtIn();

  private Checks() {}

  static List<Finding> run(Rule rule, ClaimDossier dossier, AssessmentContext context) {
    Findings out = new Findings(rule.info());
    rule.check(ClaimFacts.of(dossier, context.receivedOn()), context, out);
    return out.list();
  }

  static List<Finding> run(Rule rule, ClaimDossier dossier) {
    return run(rule, dossier, Dossiers.nothingKnown());
  }

  static List<String> codes(List<Finding> findings) {
    return findings.stream().map(Finding::code).toList();
  }
}
