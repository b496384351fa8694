package vn.bhyt.fhir;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * The search index entries of a resource for the parameters of {@link SearchCatalog}: one indexer
 * per catalogued type, whichever write path stores it. Values too long for the index columns are
 * left out of it, texts are cut to their first 200 characters.
 */
final class IndexEntries {
  static final String ENCOUNTER_STATUS = "http://hl7.org/fhir/encounter-status";
  private static final int TOKEN_MAX = 255;
  private static final int TEXT_MAX = 200;

  private IndexEntries() {}

  /** The entries of one resource type's parameters. */
  @FunctionalInterface
  private interface Indexer {
    void index(Resource resource, ZoneId zone, List<IndexEntry> out);
  }

  /**
   * The indexer of every type of {@link SearchCatalog}, checked when the class loads: a type the
   * catalogue lists but nothing indexes would be searchable and never match.
   */
  private static final Map<String, Indexer> INDEXERS = indexers();

  static List<IndexEntry> of(Resource resource, ZoneId zone) {
    Indexer indexer = INDEXERS.get(resource.fhirType());
    if (indexer == null) {
      return List.of();
    }
    List<IndexEntry> out = new ArrayList<>();
    indexer.index(resource, zone, out);
    return out.stream().distinct().toList();
  }

  private static Map<String, Indexer> indexers() {
    Map<String, Indexer> m = new HashMap<>();
    m.put(
        "Patient",
        (r, zone, out) -> {
          Patient p = (Patient) r;
          identifiers(p.getIdentifier(), out);
          p.getName().forEach(n -> names(n, out));
          date("birthdate", p.getBirthDateElement(), zone, out);
        });
    m.put(
        "Coverage",
        (r, zone, out) -> {
          Coverage c = (Coverage) r;
          identifiers(c.getIdentifier(), out);
          reference("beneficiary", "Patient", c.getBeneficiary(), out);
          reference("patient", "Patient", c.getBeneficiary(), out);
          token("subscriber-id", null, c.getSubscriberId(), out);
        });
    m.put(
        "Encounter",
        (r, zone, out) -> {
          Encounter e = (Encounter) r;
          identifiers(e.getIdentifier(), out);
          reference("patient", "Patient", e.getSubject(), out);
          period(e, zone, out);
          if (e.hasStatus()) {
            token("status", ENCOUNTER_STATUS, e.getStatus().toCode(), out);
          }
        });
    m.put(
        "CoverageEligibilityResponse",
        (r, zone, out) -> {
          CoverageEligibilityResponse e = (CoverageEligibilityResponse) r;
          identifiers(e.getIdentifier(), out);
          reference("patient", "Patient", e.getPatient(), out);
        });
    m.put("Organization", (r, zone, out) -> identifiers(((Organization) r).getIdentifier(), out));
    if (!m.keySet().equals(SearchCatalog.types())) {
      throw new IllegalStateException(
          "indexed types " + m.keySet() + " differ from the catalogue's " + SearchCatalog.types());
    }
    return Map.copyOf(m);
  }

  private static void identifiers(List<Identifier> identifiers, List<IndexEntry> out) {
    identifiers.forEach(i -> token("identifier", i.getSystem(), i.getValue(), out));
  }

  private static void token(
      String param, @Nullable String system, String value, List<IndexEntry> out) {
    String s = system == null ? "" : system;
    if (value != null
        && !value.isEmpty()
        && value.length() <= TOKEN_MAX
        && s.length() <= TOKEN_MAX) {
      out.add(new IndexEntry.Token(param, s, value));
    }
  }

  private static void names(HumanName name, List<IndexEntry> out) {
    List<String> texts = new ArrayList<>();
    texts.add(name.getText());
    texts.add(name.getFamily());
    name.getGiven().forEach(g -> texts.add(g.getValue()));
    String given =
        name.getGiven().stream()
            .filter(PrimitiveType::hasValue)
            .map(PrimitiveType::getValue)
            .collect(Collectors.joining(" "));
    if (name.hasFamily() && !given.isEmpty()) {
      texts.add(name.getFamily() + " " + given);
      texts.add(given + " " + name.getFamily());
    }
    Set<String> indexed = new LinkedHashSet<>();
    for (String t : texts) {
      if (t != null && !t.isBlank()) {
        String whole = t.strip();
        indexed.add(whole);
        indexed.addAll(Arrays.asList(whole.split("\\s+")));
      }
    }
    indexed.forEach(t -> text(t, out));
  }

  private static void text(String t, List<IndexEntry> out) {
    String exact = cut(t.strip());
    out.add(new IndexEntry.Text("name", cut(Folding.fold(exact)), exact));
  }

  private static String cut(String s) {
    return s.length() <= TEXT_MAX ? s : s.substring(0, TEXT_MAX);
  }

  private static void date(
      String param, BaseDateTimeType value, ZoneId zone, List<IndexEntry> out) {
    DateRange range = range(value, zone);
    if (range != null) {
      out.add(new IndexEntry.Dates(param, range));
    }
  }

  private static void period(Encounter e, ZoneId zone, List<IndexEntry> out) {
    if (!e.hasPeriod()) {
      return;
    }
    DateRange start = range(e.getPeriod().getStartElement(), zone);
    DateRange end = range(e.getPeriod().getEndElement(), zone);
    if (start != null || end != null) {
      out.add(new IndexEntry.Dates("date", DateRange.period(start, end)));
    }
  }

  private static @Nullable DateRange range(BaseDateTimeType value, ZoneId zone) {
    if (value == null || value.getValueAsString() == null || value.getValueAsString().isBlank()) {
      return null;
    }
    try {
      return DateRange.parse(value.getValueAsString(), zone);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void reference(
      String param, String targetType, Reference reference, List<IndexEntry> out) {
    String target = target(reference);
    if (target != null && target.startsWith(targetType + "/")) {
      out.add(new IndexEntry.Ref(param, target));
    }
  }

  /** A reference's target as {@code Type/id}, or null when it names no resource by id. */
  static @Nullable String target(Reference reference) {
    if (reference == null) {
      return null;
    }
    IIdType id =
        reference.hasReference()
            ? new IdType(reference.getReference())
            : reference.getResource() == null ? null : reference.getResource().getIdElement();
    if (id == null || !id.hasResourceType() || !ResourceIds.valid(id.getIdPart())) {
      return null;
    }
    return id.getResourceType() + "/" + id.getIdPart();
  }
}
