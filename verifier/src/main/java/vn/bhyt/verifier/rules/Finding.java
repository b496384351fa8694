package vn.bhyt.verifier.rules;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One finding behind a verdict.
 *
 * @param code stable code, such as {@code CARD_NOT_YET_VALID}
 * @param result the fund's result code the finding stands for, or null when it has none
 * @param args values for the message (dates, codes; never names)
 */
public record Finding(String code, @Nullable String result, Severity severity, List<String> args) {
  public Finding {
    args = List.copyOf(args);
  }

  static Finding of(FindingCode code, Object... args) {
    return new Finding(
        code.name(),
        code.result(),
        code.severity(),
        java.util.Arrays.stream(args).map(String::valueOf).toList());
  }
}
