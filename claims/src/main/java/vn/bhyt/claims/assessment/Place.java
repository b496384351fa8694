package vn.bhyt.claims.assessment;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where in a claim a finding is: a table, a row and a field.
 *
 * @param line the row's position in its table, or null for the whole table
 * @param field the field, or null for the whole row
 */
public record Place(String table, @Nullable Integer line, @Nullable String field) {
  public Place {
    Objects.requireNonNull(table, "table");
  }

  /** The same row, another field. */
  public Place field(String name) {
    return new Place(table, line, name);
  }
}
