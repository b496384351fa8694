package vn.bhyt.claims.claim;

import java.util.Objects;

/**
 * A table exactly as received: the parsed ones and those the gateway keeps without reading ({@code
 * XML6} … {@code XML15}), passed on to the fund as they came.
 *
 * @param name the table's type ({@code LOAIHOSO})
 * @param base64 the {@code NOIDUNGFILE} text as received
 */
public record VerbatimTable(String name, String base64) {

  public VerbatimTable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(base64, "base64");
  }
}
