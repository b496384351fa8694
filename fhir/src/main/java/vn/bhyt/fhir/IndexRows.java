package vn.bhyt.fhir;

import java.util.ArrayList;
import java.util.List;
import vn.bhyt.persistence.Statements;

/**
 * The rows of the search index tables for the current version of resources: collected for several
 * resources, inserted with one multi-row statement per table.
 */
final class IndexRows {
  private static final List<String> TABLES =
      List.of("fhir_token_index", "fhir_string_index", "fhir_date_index", "fhir_reference_index");

  private final List<Object[]> tokens = new ArrayList<>();
  private final List<Object[]> texts = new ArrayList<>();
  private final List<Object[]> dates = new ArrayList<>();
  private final List<Object[]> refs = new ArrayList<>();

  /** Adds the entries of a resource's new current version. */
  IndexRows add(String type, String id, List<IndexEntry> entries) {
    for (IndexEntry e : entries) {
      if (e instanceof IndexEntry.Token t) {
        tokens.add(new Object[] {type, id, e.param(), t.system(), t.value()});
      } else if (e instanceof IndexEntry.Text t) {
        texts.add(new Object[] {type, id, e.param(), t.folded(), t.exact()});
      } else if (e instanceof IndexEntry.Dates d) {
        dates.add(new Object[] {type, id, e.param(), d.range().lowUtc(), d.range().highUtc()});
      } else if (e instanceof IndexEntry.Ref r) {
        refs.add(new Object[] {type, id, e.param(), r.target()});
      }
    }
    return this;
  }

  /** Adds the inserts of the rows collected: one per table that has rows. */
  void insertInto(Statements out) {
    out.insertRows("INSERT INTO fhir_token_index (res_type, res_id, param, system, value)", tokens)
        .insertRows("INSERT INTO fhir_string_index (res_type, res_id, param, folded, exact)", texts)
        .insertRows("INSERT INTO fhir_date_index (res_type, res_id, param, low, high)", dates)
        .insertRows("INSERT INTO fhir_reference_index (res_type, res_id, param, target)", refs);
  }

  /** Adds the removal of the rows of a resource's version that is no longer current. */
  static void delete(Statements out, String type, String id) {
    for (String table : TABLES) {
      out.add("DELETE FROM " + table + " WHERE res_type = ? AND res_id = ?", type, id);
    }
  }
}
