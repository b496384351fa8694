package vn.bhyt.fhir;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import vn.bhyt.persistence.Sql;

/**
 * A FHIR search of one resource type compiled to SQL. The most selective index condition drives the
 * query through its index; the others are checked per match through the index tables' primary keys;
 * pages are ordered by id.
 */
final class SearchQuery {
  private static final String CURRENT_VERSION =
      " JOIN fhir_resource_version v"
          + " ON v.res_type = r.res_type AND v.res_id = r.res_id AND v.version = r.version";

  private final String type;
  private final List<Clause> clauses;

  private SearchQuery(String type, List<Clause> clauses) {
    this.type = type;
    this.clauses = clauses;
  }

  /**
   * Compiles the filter parameters of a search; parameters with empty values are ignored.
   *
   * @throws FhirProblem 400 for unknown parameters, unsupported modifiers and bad values
   */
  static SearchQuery compile(String type, SearchParams params, ZoneId zone) {
    List<Clause> clauses = new ArrayList<>();
    for (SearchParams.Param p : params.params()) {
      if (!p.value().isEmpty()) {
        clauses.add(Clauses.parse(type, p.name(), p.value(), zone));
      }
    }
    clauses.sort(Comparator.comparingInt(Clause::rank));
    return new SearchQuery(type, List.copyOf(clauses));
  }

  boolean isEmpty() {
    return clauses.isEmpty();
  }

  /** The search in a canonical form: equal for searches that differ only in spelling and order. */
  String canonical() {
    return clauses.stream().map(Clause::canonical).sorted().collect(Collectors.joining("&"));
  }

  /**
   * The JSON bodies of one page of matches, ordered by id. The most selective index condition is a
   * derived table here, which MariaDB reads first: with {@code ORDER BY ... LIMIT} on a single join
   * it may instead walk every resource of the type in id order to spare itself the sort.
   */
  Sql page(Paging paging) {
    StringBuilder sql = new StringBuilder("SELECT v.body FROM ");
    List<Object> binds = new ArrayList<>();
    Clause drive = indexDriven() ? clauses.get(0) : null;
    if (drive == null) {
      sql.append("fhir_resource r");
    } else {
      sql.append("(SELECT DISTINCT d.res_id FROM ")
          .append(drive.table())
          .append(" d WHERE d.res_type = ? AND ")
          .append(drive.on("d"))
          .append(") m JOIN fhir_resource r ON r.res_type = ? AND r.res_id = m.res_id");
      binds.add(type);
      binds.addAll(drive.binds());
      binds.add(type);
    }
    sql.append(CURRENT_VERSION).append(" WHERE r.res_type = ?");
    binds.add(type);
    int n = 0;
    for (Clause c : clauses) {
      if (!isDriving(c, drive)) {
        sql.append(" AND ").append(c.table() == null ? c.on("r") : exists(c, "x" + n++, "r"));
        binds.addAll(c.binds());
      }
    }
    sql.append(" ORDER BY r.res_id LIMIT ? OFFSET ?");
    binds.add(paging.count());
    binds.add(paging.offset());
    return new Sql(sql.toString(), binds);
  }

  /** The number of matches. */
  Sql count() {
    Sql matches = matches();
    return new Sql(
        "SELECT COUNT(" + (indexDriven() ? "DISTINCT m.res_id" : "*") + ") FROM " + matches.text(),
        matches.binds());
  }

  /**
   * The least and the greatest id of the matches: both null when nothing matches, equal when one
   * resource does. MariaDB reads them off the index, without the temporary table a {@code DISTINCT}
   * list of ids needs: a conditional create's search costs it about half as much.
   */
  Sql firstAndLast() {
    Sql matches = matches();
    return new Sql("SELECT MIN(m.res_id), MAX(m.res_id) FROM " + matches.text(), matches.binds());
  }

  /**
   * The rows that match, as {@code m}: the rows of the most selective index condition, or the
   * resource table when there is none; the other conditions are {@code EXISTS} probes by primary
   * key. Index rows exist for current versions only, so an index row is a resource: the resource
   * table is not joined. A resource can have several matching index rows; callers count and list
   * distinct ids.
   */
  private Sql matches() {
    Clause drive = indexDriven() ? clauses.get(0) : null;
    StringBuilder sql = new StringBuilder(drive == null ? "fhir_resource" : drive.table());
    sql.append(" m WHERE m.res_type = ?");
    List<Object> binds = new ArrayList<>();
    binds.add(type);
    int n = 0;
    for (Clause c : clauses) {
      boolean onRow = isDriving(c, drive) || (drive == null && c.table() == null);
      sql.append(" AND ").append(onRow ? c.on("m") : exists(c, "x" + n++, "m"));
      binds.addAll(c.binds());
    }
    return new Sql(sql.toString(), binds);
  }

  private boolean indexDriven() {
    return !clauses.isEmpty() && clauses.get(0).table() != null;
  }

  private static String exists(Clause c, String alias, String outer) {
    String table = c.table() == null ? "fhir_resource" : c.table();
    return "EXISTS (SELECT 1 FROM "
        + table
        + " "
        + alias
        + " WHERE "
        + alias
        + ".res_type = "
        + outer
        + ".res_type AND "
        + alias
        + ".res_id = "
        + outer
        + ".res_id AND "
        + c.on(alias)
        + ")";
  }

  /** Whether a clause is the driving one itself (not merely an equal clause). */
  @SuppressWarnings("ReferenceEquality") // identity is the question: equal clauses may repeat
  private static boolean isDriving(Clause c, @Nullable Clause drive) {
    return c == drive;
  }
}
