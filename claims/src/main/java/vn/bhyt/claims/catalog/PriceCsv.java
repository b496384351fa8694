package vn.bhyt.claims.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.bhyt.claims.assessment.ClaimReference;
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

  private static final Pattern PRICE = Pattern.compile("[0-9]{1,13}(?:\\.[0-9]{1,2})?");
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
    String code = CsvFields.required(r, "code", 255);
    String name = CsvFields.text(r, "name", 1024);
    String unit = CsvFields.text(r, "unit", 50);
    BigDecimal price = price(r);
    LocalDate from = CsvFields.date(r, "valid_from");
    if (from == null) {
      throw new CsvException(r.line(), "valid_from is empty");
    }
    LocalDate to = CsvFields.date(r, "valid_to");
    CsvFields.ordered(r, from, to);
    return new PriceItem(code, name, unit, price, from, to, group(r));
  }

  private static BigDecimal price(CsvRecord r) {
    String v = r.require("price");
    if (!PRICE.matcher(v).matches()) {
      throw CsvFields.bad(r, "price", "VND, digits with up to 2 decimals after a point");
    }
    return new BigDecimal(v).setScale(2, RoundingMode.UNNECESSARY);
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
