package vn.bhyt.fhir;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Resource;
import vn.bhyt.fhir.ResourceCodec.Stamped;
import vn.bhyt.persistence.Statements;

/**
 * The rows of new resources: their first versions and index entries, stamped by the store's clock,
 * each dropped from the version cache as it is written.
 */
final class ResourceWriter {
  private final ResourceCodec codec;
  private final VersionCache versions;
  private final Clock clock;

  ResourceWriter(ResourceCodec codec, VersionCache versions, Clock clock) {
    this.codec = codec;
    this.versions = versions;
    this.clock = clock;
  }

  /** The zone of dates without one, for the index entries of dates. */
  ZoneId zone() {
    return clock.getZone();
  }

  /** The time of a version written now, to the millisecond as stored. */
  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  <T extends Resource> Stamped<T> stamp(T resource, String id, int version, Instant at) {
    return codec.stamp(resource, id, version, at);
  }

  /** Stores a new resource with an id at version 1. */
  <T extends Resource> T insert(Connection c, T resource, String id) throws SQLException {
    return insert(c, List.of(stamp(resource, id, 1, now()))).get(0);
  }

  /** Stores new resources in one round trip. */
  <T extends Resource> List<T> insert(Connection c, List<Stamped<T>> stamped) throws SQLException {
    Statements rows = new Statements();
    insertRows(rows, stamped);
    rows.execute(c);
    return stamped.stream().map(Stamped::resource).toList();
  }

  /**
   * Adds the rows of new resources: their business keys first (a key held by another fails before
   * anything else is written), their versions and index entries.
   */
  void insertRows(Statements rows, List<? extends Stamped<?>> created) {
    BusinessKeys.insert(rows, created.stream().map(Stamped::resource).toList());
    List<StoredJson> stored = new ArrayList<>();
    IndexRows index = new IndexRows();
    for (Stamped<?> s : created) {
      StoredJson v = s.json();
      versions.written(v.type(), v.id());
      stored.add(v);
      index.add(v.type(), v.id(), IndexEntries.of(s.resource(), zone()));
    }
    ResourceRows.insert(rows, stored);
    index.insertInto(rows);
  }

  /** The JSON of a resource's current version, which must exist. */
  String current(Connection c, String type, String id, boolean latest) throws SQLException {
    return ResourceRows.current(c, type, id, latest)
        .orElseThrow(() -> new IllegalStateException(type + "/" + id + " has no current version"));
  }
}
