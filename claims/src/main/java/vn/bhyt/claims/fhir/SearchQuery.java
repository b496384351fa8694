package vn.bhyt.claims.fhir;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A FHIR search of one resource type compiled to SQL. The most selective index condition drives the
 * query through its index; the others are checked per match through the index tables' primary keys;
 * results are ordered by id.
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

  /** The JSON bodies of one page of matches. */
  Sql page(Paging paging) {
    Sql from = fromWhere(true);
    List<Object> binds = new ArrayList<>(from.binds());
    binds.add(paging.count());
    binds.add(paging.offset());
    return new Sql(
        "SELECT v.body FROM " + from.text() + " ORDER BY r.res_id LIMIT ? OFFSET ?", binds);
  }

  /** The number of matches. */
  Sql count() {
    Sql from = fromWhere(false);
    return new Sql("SELECT COUNT(*) FROM " + from.text(), from.binds());
  }

  /** The ids of the first matches. */
  Sql ids(int limit) {
    Sql from = fromWhere(false);
    List<Object> binds = new ArrayList<>(from.binds());
    binds.add(limit);
    return new Sql("SELECT r.res_id FROM " + from.text() + " ORDER BY r.res_id LIMIT ?", binds);
  }

  private Sql fromWhere(boolean bodies) {
    StringBuilder sql = new StringBuilder();
    List<Object> binds = new ArrayList<>();
    Clause drive = clauses.isEmpty() || clauses.get(0).table() == null ? null : clauses.get(0);
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
    if (bodies) {
      sql.append(CURRENT_VERSION);
    }
    sql.append(" WHERE r.res_type = ?");
    binds.add(type);
    int n = 0;
    for (Clause c : clauses) {
      if (c != drive) {
        sql.append(" AND ").append(c.table() == null ? c.on("r") : exists(c, "x" + n++));
        binds.addAll(c.binds());
      }
    }
    return new Sql(sql.toString(), binds);
  }

  private static String exists(Clause c, String alias) {
    return "EXISTS (SELECT 1 FROM "
        + c.table()
        + " "
        + alias
        + " WHERE "
        + alias
        + ".res_type = r.res_type AND "
        + alias
        + ".res_id = r.res_id AND "
        + c.on(alias)
        + ")";
  }
}
