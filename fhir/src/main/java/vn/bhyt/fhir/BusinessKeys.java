package vn.bhyt.fhir;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import vn.bhyt.persistence.MariaDbErrors;
import vn.bhyt.persistence.Sql;
import vn.bhyt.persistence.Statements;

/**
 * Business keys: identifiers that name one resource of a type, whichever way it is written. The
 * social-insurance number is a person's, so one Patient holds it. The {@code fhir_business_key}
 * table's primary key decides, also between concurrent transactions: a second resource with a key
 * another holds is refused (409, naming the holder), and a conditional create on the key answers
 * its holder.
 */
final class BusinessKeys {
  /** The identifier system of each type's business key. */
  static final Map<String, String> SYSTEMS = Map.of("Patient", Identifiers.SSN);

  private static final int MAX = 255;

  private BusinessKeys() {}

  /** One key of a resource. */
  record Key(String type, String system, String value) {}

  /** The keys a resource holds. */
  static List<Key> of(Resource resource) {
    String system = SYSTEMS.get(resource.fhirType());
    if (system == null || !(resource instanceof Patient p)) {
      return List.of();
    }
    Set<Key> keys = new LinkedHashSet<>();
    for (Identifier i : p.getIdentifier()) {
      String value = i.getValue();
      if (system.equals(i.getSystem())
          && value != null
          && !value.isBlank()
          && value.length() <= MAX) {
        keys.add(new Key(resource.fhirType(), system, value));
      }
    }
    return List.copyOf(keys);
  }

  /** The key of conditional-create criteria that search exactly one, or null. */
  static @Nullable Key of(String type, SearchParams criteria) {
    String system = SYSTEMS.get(type);
    List<SearchParams.Param> params = criteria.params();
    if (system == null || params.size() != 1 || !params.get(0).name().equals("identifier")) {
      return null;
    }
    String token = params.get(0).value();
    if (!token.startsWith(system + "|") || token.indexOf(',') >= 0) {
      return null;
    }
    String value = token.substring(system.length() + 1);
    return value.isEmpty() || value.length() > MAX ? null : new Key(type, system, value);
  }

  /** The least and greatest id holding a key: the shape of {@link SearchQuery#firstAndLast()}. */
  static Sql firstAndLast(Key key) {
    return new Sql(
        "SELECT MIN(res_id), MAX(res_id) FROM fhir_business_key"
            + " WHERE res_type = ? AND system = ? AND value = ?",
        List.of(key.type(), key.system(), key.value()));
  }

  /** Adds the rows of resources' keys: put first, so that a refusal leaves nothing written. */
  static void insert(Statements out, Collection<? extends Resource> resources) {
    List<@Nullable Object[]> rows = new ArrayList<>();
    for (Resource r : resources) {
      for (Key k : of(r)) {
        rows.add(new Object[] {k.type(), k.system(), k.value(), r.getIdElement().getIdPart()});
      }
    }
    out.insertRows("INSERT INTO fhir_business_key (res_type, system, value, res_id)", rows);
  }

  /** Adds the removal of a resource's keys, before its new version's are inserted. */
  static void delete(Statements out, String type, String id) {
    if (SYSTEMS.containsKey(type)) {
      out.add("DELETE FROM fhir_business_key WHERE res_type = ? AND res_id = ?", type, id);
    }
  }

  /**
   * After a write failed with a duplicate key: the 409 to answer when a key of the resources is
   * held by another one, or empty when the failure is not about keys. The holder is read with a
   * shared lock, so that a concurrent winner's commit is seen.
   */
  static Optional<FhirProblem> conflict(
      Connection c, SQLException failure, Collection<? extends Resource> resources)
      throws SQLException {
    if (!MariaDbErrors.isDuplicateKey(failure)) {
      return Optional.empty();
    }
    for (Resource r : resources) {
      String id = r.getIdElement().getIdPart();
      for (Key k : of(r)) {
        Optional<String> holder = holder(c, k);
        if (holder.isPresent() && !holder.get().equals(id)) {
          return Optional.of(
              FhirProblem.conflict(
                  "the "
                      + k.type()
                      + "'s social-insurance number is held by "
                      + k.type()
                      + "/"
                      + holder.get()
                      + ": one "
                      + k.type()
                      + " per person"));
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> holder(Connection c, Key key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT res_id FROM fhir_business_key WHERE res_type = ? AND system = ? AND value = ?"
                + " LOCK IN SHARE MODE")) {
      ps.setString(1, key.type());
      ps.setString(2, key.system());
      ps.setString(3, key.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }
}
