package vn.bhyt.fhir;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One condition of a search: on the resource row ({@code table} null) or on one index table, with
 * the values of its parameters, a rank (lower ranks are more selective and drive the query) and a
 * canonical text for conditional-create criteria.
 *
 * @param condition SQL with {@code {a}} where the table's alias goes
 */
record Clause(
    @Nullable String table, String condition, List<Object> binds, int rank, String canonical) {
  Clause {
    binds = List.copyOf(binds);
  }

  String on(String alias) {
    return condition.replace("{a}", alias);
  }
}
