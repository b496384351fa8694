package vn.bhyt.claims.fhirclaim;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.StringType;
import vn.bhyt.claims.claim.ClaimRow;

/**
 * One row's fields on their way into a FHIR resource: the mapper takes those a FHIR element holds
 * exactly, and the rest become {@link ClaimCodes#FIELD_PREFIX} extensions, so that nothing of the
 * row is lost.
 */
final class FieldExtensions {
  private final ClaimRow row;
  private final Set<String> taken = new HashSet<>();

  FieldExtensions(ClaimRow row) {
    this.row = row;
  }

  /** The field's text, when the row has it. */
  Optional<String> get(String field) {
    return row.get(field);
  }

  /**
   * Converts a field for a FHIR element: the value when the text reads, and the field counts as
   * taken when writing the value back gives the same text.
   */
  <T> Optional<T> take(String field, Function<String, Optional<T>> read, Function<T, String> back) {
    Optional<T> value = row.get(field).flatMap(read);
    if (value.isPresent() && back.apply(value.get()).equals(row.text(field))) {
      taken.add(field);
    }
    return value;
  }

  /** Takes a field as text. */
  Optional<String> take(String field) {
    row.get(field).ifPresent(t -> taken.add(field));
    return row.get(field);
  }

  /** Marks a field as held by an element. */
  void taken(String field) {
    taken.add(field);
  }

  /** Adds one extension per field not taken, by name. */
  void extendRest(Element element) {
    rest().forEach((name, text) -> element.addExtension(extension(name, text)));
  }

  /** Adds one extension per field not taken, by name. */
  void extendRest(DomainResource resource) {
    rest().forEach((name, text) -> resource.addExtension(extension(name, text)));
  }

  private Map<String, String> rest() {
    Map<String, String> rest = new TreeMap<>(row.fields());
    rest.keySet().removeAll(taken);
    return rest;
  }

  private static Extension extension(String field, String text) {
    return new Extension(ClaimCodes.FIELD_PREFIX + field, new StringType(text));
  }

  /** The fields the extensions of an element carry, by name. */
  static Map<String, String> read(Iterable<Extension> extensions) {
    Map<String, String> fields = new TreeMap<>();
    for (Extension e : extensions) {
      if (e.getUrl() != null
          && e.getUrl().startsWith(ClaimCodes.FIELD_PREFIX)
          && e.getValue() instanceof StringType s
          && s.hasValue()) {
        fields.put(e.getUrl().substring(ClaimCodes.FIELD_PREFIX.length()), s.getValue());
      }
    }
    return fields;
  }
}
