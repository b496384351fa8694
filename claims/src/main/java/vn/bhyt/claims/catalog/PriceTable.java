package vn.bhyt.claims.catalog;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import vn.bhyt.claims.assessment.ClaimReference;
import vn.bhyt.csv.CsvRecord;
import vn.bhyt.csv.UpsertTable;

/** The {@code catalogue_price} table: one row per code and first valid day. */
final class PriceTable implements UpsertTable<PriceItem> {
  static final String TABLE = "catalogue_price";

  private final PriceCsv csv;

  PriceTable(ClaimReference reference) {
    this.csv = new PriceCsv(reference);
  }

  @Override
  public String table() {
    return TABLE;
  }

  @Override
  public List<String> requiredColumns() {
    return PriceCsv.REQUIRED;
  }

  @Override
  public PriceItem parse(CsvRecord r) {
    return csv.item(r);
  }

  @Override
  public String lookupColumn() {
    return "code";
  }

  @Override
  public String lookupValue(PriceItem row) {
    return row.code();
  }

  @Override
  public String key(PriceItem row) {
    return row.code() + "|" + row.validFrom();
  }

  @Override
  public String keySql() {
    return "CONCAT(code, '|', valid_from)";
  }

  @Override
  public List<String> columns() {
    return List.of("code", "valid_from", "valid_to", "name", "unit", "price", "cost_group");
  }

  @Override
  public int bind(PreparedStatement ps, int at, PriceItem row) throws SQLException {
    int i = at;
    ps.setString(i++, row.code());
    UpsertTable.setDate(ps, i++, row.validFrom());
    UpsertTable.setDate(ps, i++, row.validTo());
    ps.setString(i++, row.name());
    ps.setString(i++, row.unit());
    ps.setBigDecimal(i++, row.price());
    if (row.group() == null) {
      ps.setNull(i++, Types.TINYINT);
    } else {
      ps.setInt(i++, row.group());
    }
    return i;
  }
}
