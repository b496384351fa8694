package vn.bhyt.fhir;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A search parameter the store indexes: its resource type, name, kind, the type a reference
 * parameter points to, and how it matches (for the CapabilityStatement).
 *
 * @param maxWidth the longest range one value covers (a year for a birth date), or null when values
 *     may be open periods; bounded values search with a tighter index range
 */
public record SearchParam(
    String resourceType,
    String name,
    Kind kind,
    @Nullable String target,
    @Nullable Duration maxWidth,
    String documentation) {
  /** How values are compared. */
  public enum Kind {
    /** Exact system and code or value: {@code system|value}, {@code value}, {@code |value}. */
    TOKEN,
    /** Case- and accent-insensitive prefix; {@code :exact} for the exact text. */
    STRING,
    /** Ranges with prefixes eq, ne, gt, lt, ge, le, sa, eb; eq means the ranges overlap. */
    DATE,
    /** A resource: {@code Patient/id} or {@code id}. */
    REFERENCE;

    /** The FHIR search parameter type code. */
    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
