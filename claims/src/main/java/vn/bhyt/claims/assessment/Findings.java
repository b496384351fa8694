package vn.bhyt.claims.assessment;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The findings one rule makes on one claim, each stamped with the rule and its severity. */
public final class Findings {
  private final RuleInfo rule;
  private final List<Finding> list = new ArrayList<>();

  public Findings(RuleInfo rule) {
    this.rule = rule;
  }

  /** Adds a finding of the rule's own severity. */
  public void add(
      FindingCode code,
      Place at,
      @Nullable Object expected,
      @Nullable Object actual,
      String message) {
    add(code, rule.severity(), at, expected, actual, message);
  }

  /** Adds a finding of another severity than the rule's. */
  public void add(
      FindingCode code,
      Severity severity,
      Place at,
      @Nullable Object expected,
      @Nullable Object actual,
      String message) {
    list.add(
        new Finding(
            code.name(),
            severity,
            at.table(),
            at.line(),
            at.field(),
            text(expected),
            text(actual),
            message,
            rule.ref()));
  }

  private static @Nullable String text(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
  }

  /** The findings so far, in the order they were made. */
  public List<Finding> list() {
    return List.copyOf(list);
  }
}
