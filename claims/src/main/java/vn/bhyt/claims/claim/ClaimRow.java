package vn.bhyt.claims.claim;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One row of a claim table: a {@code TONG_HOP} summary or one {@code CHI_TIET_…} line, its fields
 * as the file spelled them (trimmed; CDATA unwrapped; an empty element is absent).
 *
 * @param line the row's position in its table, from 1, as findings report it
 * @param fields field name (upper case, as in the file) to its text
 */
public record ClaimRow(int line, Map<String, String> fields) {

  public ClaimRow {
    if (line < 1) {
      throw new IllegalArgumentException("line: " + line + " (expected: >= 1)");
    }
    fields = Map.copyOf(Objects.requireNonNull(fields, "fields"));
  }

  /** The field's text, or empty when the row does not have it. */
  public Optional<String> get(String field) {
    return Optional.ofNullable(fields.get(field));
  }

  /** The field's text, or {@code null} when the row does not have it. */
  public @Nullable String text(String field) {
    return fields.get(field);
  }

  public boolean has(String field) {
    return fields.containsKey(field);
  }
}
