package vn.bhyt.claims.assessment;

/** One pre-assessment rule: it reads a claim and reports what is wrong with it. */
public interface Rule {

  RuleInfo info();

  /**
   * Checks a claim. Expected problems are findings; an exception means a bug in the rule.
   *
   * @param claim the claim's values, read as numbers and dates
   * @param context the facility and the lookups the rule may use
   * @param out where the findings go
   */
  void check(ClaimFacts claim, AssessmentContext context, Findings out);
}
