package vn.bhyt.fhir;

/** One row of a search index, taken from a resource's current version. */
sealed interface IndexEntry {
  String param();

  /** A code or identifier: system ('' when none) and value. */
  record Token(String param, String system, String value) implements IndexEntry {}

  /** A text: folded for prefix search and as written for {@code :exact}. */
  record Text(String param, String folded, String exact) implements IndexEntry {}

  /** A date, dateTime or period as the instants it covers. */
  record Dates(String param, DateRange range) implements IndexEntry {}

  /** A reference as {@code Type/id}. */
  record Ref(String param, String target) implements IndexEntry {}
}
