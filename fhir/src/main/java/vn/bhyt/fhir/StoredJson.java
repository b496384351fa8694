package vn.bhyt.fhir;

import java.time.Instant;
import java.util.Objects;

/**
 * A resource version's JSON exactly as stored, with its version and time: what a JSON read answers
 * without parsing.
 */
public record StoredJson(String type, String id, int version, Instant lastUpdated, String json) {
  public StoredJson {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(lastUpdated, "lastUpdated");
    Objects.requireNonNull(json, "json");
  }
}
