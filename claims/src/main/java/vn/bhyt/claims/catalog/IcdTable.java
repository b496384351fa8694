package vn.bhyt.claims.catalog;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import vn.bhyt.csv.CsvRecord;
import vn.bhyt.csv.UpsertTable;

/** The {@code icd10_code} table: one row per code. */
final class IcdTable implements UpsertTable<IcdCode> {
  static final String TABLE = "icd10_code";

  @Override
  public String table() {
    return TABLE;
  }

  @Override
  public List<String> requiredColumns() {
    return IcdCsv.REQUIRED;
  }

  @Override
  public IcdCode parse(CsvRecord r) {
    return IcdCsv.code(r);
  }

  @Override
  public String lookupColumn() {
    return "code";
  }

  @Override
  public String lookupValue(IcdCode row) {
    return row.code();
  }

  @Override
  public String key(IcdCode row) {
    return row.code();
  }

  @Override
  public String keySql() {
    return "code";
  }

  @Override
  public List<String> columns() {
    return List.of("code", "name", "valid_from", "valid_to");
  }

  @Override
  public int bind(PreparedStatement ps, int at, IcdCode row) throws SQLException {
    int i = at;
    ps.setString(i++, row.code());
    ps.setString(i++, row.name());
    UpsertTable.setDate(ps, i++, row.validFrom());
    UpsertTable.setDate(ps, i++, row.validTo());
    return i;
  }
}
