package vn.bhyt.verifier.registry;

import java.io.IOException;
import java.io.Reader;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import vn.bhyt.csv.CsvRecord;
import vn.bhyt.csv.CsvUpsert;
import vn.bhyt.csv.ImportSummary;
import vn.bhyt.csv.UpsertTable;
import vn.bhyt.verifier.rules.RegistryEntry;

/**
 * Loads registry rows from CSV: an idempotent upsert in batches, skipping bad rows and reporting
 * them by line number (see {@link CsvUpsert}). A row in the file replaces the stored row whole;
 * unchanged rows are not written, so their change time stays and caches keep them.
 */
public final class RegistryImporter {
  private final CsvUpsert<RegistryEntry> upsert;

  public RegistryImporter(DataSource ds) {
    this.upsert = new CsvUpsert<>(ds, new RegistryTable());
  }

  /**
   * Imports a CSV file.
   *
   * @param progress told the number of rows read after every batch
   */
  public ImportSummary importCsv(Reader in, LongConsumer progress)
      throws IOException, SQLException {
    return upsert.importCsv(in, progress);
  }

  /** {@code registry_card}, keyed by card number. */
  private static final class RegistryTable implements UpsertTable<RegistryEntry> {

    @Override
    public String table() {
      return "registry_card";
    }

    @Override
    public List<String> requiredColumns() {
      return List.of("card_number");
    }

    @Override
    public RegistryEntry parse(CsvRecord r) {
      return RegistryCsv.entry(r);
    }

    @Override
    public String lookupColumn() {
      return "card_number";
    }

    @Override
    public String lookupValue(RegistryEntry row) {
      return row.cardNumber().value();
    }

    @Override
    public String key(RegistryEntry row) {
      return row.cardNumber().value();
    }

    @Override
    public String keySql() {
      return "card_number";
    }

    @Override
    public List<String> columns() {
      return RegistryColumns.NAMES;
    }

    @Override
    public int bind(PreparedStatement ps, int at, RegistryEntry row) throws SQLException {
      return RegistryColumns.bind(ps, at, row);
    }
  }
}
