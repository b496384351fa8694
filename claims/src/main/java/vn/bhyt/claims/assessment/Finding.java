package vn.bhyt.claims.assessment;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One problem found in a claim, placed at a table, line and field.
 *
 * <p>Messages name fields and amounts only: never a patient's name, card number or diagnosis.
 *
 * @param code stable upper-snake code, such as {@code MONEY_LINE_BHTT}
 * @param table the table, such as {@code XML1} or {@code XML3}
 * @param line the row's position in its table, from 1, or null for the table as a whole
 * @param field the field, or null when the finding is about a row or table
 * @param expected the value the rule expected, or null
 * @param actual the value the claim has, or null (also when it is personal data)
 * @param message what is wrong, for billing staff
 * @param rule the rule that found it, {@code id@version}
 */
public record Finding(
    String code,
    Severity severity,
    String table,
    @Nullable Integer line,
    @Nullable String field,
    @Nullable String expected,
    @Nullable String actual,
    String message,
    String rule) {

  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(rule, "rule");
  }
}
