package vn.bhyt.claims.catalog;

import javax.sql.DataSource;
import vn.bhyt.claims.assessment.ClaimReference;
import vn.bhyt.csv.CsvUpsert;

/** The importers of the catalogues the assessment consults: the price list and the ICD-10 list. */
public final class CatalogImporter {
  private CatalogImporter() {}

  /**
   * An importer of the insured price list.
   *
   * @param reference the claim reference tables the {@code group} column is checked against
   */
  public static CsvUpsert<PriceItem> prices(DataSource ds, ClaimReference reference) {
    return new CsvUpsert<>(ds, new PriceTable(reference));
  }

  /** An importer of the ICD-10 list. */
  public static CsvUpsert<IcdCode> icd10(DataSource ds) {
    return new CsvUpsert<>(ds, new IcdTable());
  }
}
