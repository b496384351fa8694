package vn.bhyt.claims.claim;

import java.util.List;
import java.util.Objects;

/**
 * One parsed table of a visit's claim ({@code XML1} … {@code XML5}).
 *
 * @param name the table's type as the envelope names it ({@code LOAIHOSO}), e.g. {@code XML3}
 * @param rows its rows in file order; one for {@code XML1}
 */
public record ClaimTable(String name, List<ClaimRow> rows) {

  public ClaimTable {
    Objects.requireNonNull(name, "name");
    rows = List.copyOf(rows);
  }
}
