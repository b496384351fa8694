package vn.bhyt.claims.assessment;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a rule is: its id and version, the visit dates it applies to, the severity of its findings
 * and a one-line description, as listed for clients.
 *
 * @param id stable lower-case id, such as {@code money.lines}
 * @param version raised whenever the rule's logic changes
 * @param from the first visit date ({@code NGAY_VAO}) the rule applies to
 * @param to the last visit date it applies to, or null while it stays in force
 * @param severity the severity of its findings unless a finding says otherwise
 */
public record RuleInfo(
    String id,
    int version,
    LocalDate from,
    @Nullable LocalDate to,
    Severity severity,
    String description) {
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:[.-][a-z0-9]+)*");

  public RuleInfo {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("id: '" + id + "' (expected: lower-case words and dots)");
    }
    if (version < 1) {
      throw new IllegalArgumentException("version: " + version + " (expected: >= 1)");
    }
    Objects.requireNonNull(from, "from");
    if (to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("to: " + to + " (expected: on or after " + from + ")");
    }
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(description, "description");
  }

  /** The reference findings carry: {@code id@version}. */
  public String ref() {
    return id + "@" + version;
  }

  /** Whether the rule applies to a visit that started on that day. */
  public boolean inForceOn(LocalDate day) {
    return !day.isBefore(from) && (to == null || !day.isAfter(to));
  }
}
