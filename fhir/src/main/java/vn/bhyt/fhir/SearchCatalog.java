package vn.bhyt.fhir;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The resource types the store indexes and their search parameters, besides {@code _id} and {@code
 * _lastUpdated}, which every type has.
 */
public final class SearchCatalog {
  private static final Duration YEAR = Duration.ofDays(367);
  private static final Map<String, List<SearchParam>> PARAMS = build();

  private SearchCatalog() {}

  /** The indexed resource types, in a stable order. */
  public static Set<String> types() {
    return PARAMS.keySet();
  }

  /** The search parameters of a type (none for types that are not indexed). */
  public static List<SearchParam> of(String type) {
    return PARAMS.getOrDefault(type, List.of());
  }

  public static Optional<SearchParam> find(String type, String name) {
    return of(type).stream().filter(p -> p.name().equals(name)).findFirst();
  }

  private static Map<String, List<SearchParam>> build() {
    Map<String, List<SearchParam>> m = new LinkedHashMap<>();
    m.put(
        "Patient",
        List.of(
            identifier("Patient"),
            new SearchParam(
                "Patient",
                "name",
                SearchParam.Kind.STRING,
                null,
                null,
                "Start of the whole name (family first), of the family name, a given name, the"
                    + " text or any word of them, ignoring case and accents (đ as d)"),
            new SearchParam(
                "Patient",
                "birthdate",
                SearchParam.Kind.DATE,
                null,
                YEAR,
                "Birth date; year-only dates cover the year")));
    m.put(
        "Coverage",
        List.of(
            identifier("Coverage"),
            patientReference("Coverage", "beneficiary", "The covered patient"),
            patientReference("Coverage", "patient", "The covered patient (as beneficiary)"),
            new SearchParam(
                "Coverage",
                "subscriber-id",
                SearchParam.Kind.TOKEN,
                null,
                null,
                "The insurance card number (Coverage.subscriberId)")));
    m.put(
        "Encounter",
        List.of(
            identifier("Encounter"),
            patientReference("Encounter", "patient", "The patient (Encounter.subject)"),
            new SearchParam(
                "Encounter",
                "date",
                SearchParam.Kind.DATE,
                null,
                null,
                "Encounter.period overlaps the searched range; an open end is ongoing"),
            new SearchParam(
                "Encounter",
                "status",
                SearchParam.Kind.TOKEN,
                null,
                null,
                "Encounter.status code")));
    m.put(
        "CoverageEligibilityResponse",
        List.of(
            identifier("CoverageEligibilityResponse"),
            patientReference(
                "CoverageEligibilityResponse", "patient", "The patient the response is about")));
    m.put("Organization", List.of(identifier("Organization")));
    return java.util.Collections.unmodifiableMap(m);
  }

  private static SearchParam identifier(String type) {
    return new SearchParam(
        type,
        "identifier",
        SearchParam.Kind.TOKEN,
        null,
        null,
        "An identifier: system|value, value (any system) or |value (no system)");
  }

  private static SearchParam patientReference(String type, String name, String doc) {
    return new SearchParam(type, name, SearchParam.Kind.REFERENCE, "Patient", null, doc);
  }
}
