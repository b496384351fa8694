package vn.bhyt.verifier.rules;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a card check.
 *
 * @param result the fund's 3-digit result code
 * @param coverage the share paid for the visit, or null when the outcome is invalid
 */
public record Verdict(
    String result,
    Outcome outcome,
    List<Finding> findings,
    CardFacts card,
    @Nullable Coverage coverage,
    Source source) {
  public Verdict {
    findings = List.copyOf(findings);
  }
}
