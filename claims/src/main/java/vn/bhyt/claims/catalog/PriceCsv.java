package vn.bhyt.claims.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.bhyt.claims.assessment.ClaimReference;
import vn.bhyt.claims.store.ColumnType;
import vn.bhyt.claims.store.StoredColumn;
import vn.bhyt.csv.CsvException;
import vn.bhyt.csv.CsvRecord;

/**
 * One row of a price list file, checked and turned into a {@link PriceItem}. Columns: {@code code,
 * name, unit, price, valid_from, valid_to, group}, in any order; {@code code}, {@code price} and
 * {@code valid_from} are required.
 */
final class PriceCsv {
  /** The columns a price list's header must name. */
  static final List<String> REQUIRED = List.of("code", "price", "valid_from");

  private static final Pattern PRICE = Pattern.compile("[0-9]+(?:\\.[0-9]{1,2})?");
  private static final Pattern GROUP = Pattern.compile("[0-9]{1,2}");

  private final ClaimReference reference;

  PriceCsv(ClaimReference reference) {
    this.reference = reference;
  }

  /**
   * Reads a row.
   *
   * @throws CsvException naming the first bad column
   */
  PriceItem item(CsvRecord r) {
    String code = CsvFields.required(r, "code", StoredColumn.PRICE_CODE);
    String name = CsvFields.text(r, "name", StoredColumn.PRICE_NAME);
    String unit = CsvFields.text(r, "unit", StoredColumn.PRICE_UNIT);
    BigDecimal price = price(r);
    LocalDate from = CsvFields.date(r, "valid_from", StoredColumn.PRICE_VALID_FROM);
    if (from == null) {
      throw new CsvException(r.line(), "valid_from is empty");
    }
    LocalDate to = CsvFields.date(r, "valid_to", StoredColumn.PRICE_VALID_TO);
    CsvFields.ordered(r, from, to);
    return new PriceItem(code, name, unit, price, from, to, group(r));
  }

  private static BigDecimal price(CsvRecord r) {
    String v = r.require("price");
    ColumnType column = StoredColumn.PRICE_PRICE.type();
    if (!PRICE.matcher(v).matches()) {
      throw CsvFields.bad(r, "price", "VND, digits with up to 2 decimals after a point");
    }
    if (!column.holds(new BigDecimal(v))) {
      throw CsvFields.bad(
          r,
          "price",
          "VND, digits with up to "
              + column.scale()
              + " decimals after a point, at most "
              + (column.size() - column.scale())
              + " before it");
    }
    return new BigDecimal(v).setScale(column.scale(), RoundingMode.UNNECESSARY);
  }

  private @Nullable Integer group(CsvRecord r) {
    String v = r.get("group");
    if (v == null) {
      return null;
    }
    Integer code = GROUP.matcher(v).matches() ? Integer.valueOf(v) : null;
    if (reference.group(code).isEmpty()) {
      throw CsvFields.bad(r, "group", "a cost group MA_NHOM of claim-groups.csv");
    }
    return code;
  }
}
