package vn.bhyt.fhir;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import vn.bhyt.persistence.Blocking;
import vn.bhyt.persistence.DatabaseException;

/**
 * Recently read current versions of resources, as this process committed them.
 *
 * <p>A write drops its entry when it is made and again once its transaction ends ({@link
 * #tracking}), so a read never sees an older version than this process wrote. A version written by
 * another process on the same database shows within {@link #TTL}.
 */
final class VersionCache {
  /** How long a cached current version may lag a write made by another process. */
  static final Duration TTL = Duration.ofSeconds(10);

  private final Cache<String, StoredJson> currents =
      Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(TTL).build();

  // One per store, not static: the ids a thread is writing in this store's transaction
  @SuppressWarnings("ThreadLocalUsage")
  private final ThreadLocal<List<String>> writing = new ThreadLocal<>();

  private final DataSource ds;

  VersionCache(DataSource ds) {
    this.ds = ds;
  }

  /** Runs a transaction, dropping every version it writes again once it has ended. */
  <R> R tracking(Blocking<R> transaction) throws SQLException {
    List<String> written = new ArrayList<>();
    writing.set(written);
    try {
      return transaction.get();
    } finally {
      writing.remove();
      currents.invalidateAll(written);
    }
  }

  /** Drops a resource being written. */
  void written(String type, String id) {
    String key = type + "/" + id;
    currents.invalidate(key);
    List<String> keys = writing.get();
    if (keys != null) {
      keys.add(key);
    }
  }

  /** The current version of a resource, read from the database when not cached. */
  Optional<StoredJson> current(String type, String id) throws SQLException {
    try {
      return Optional.ofNullable(currents.get(type + "/" + id, k -> load(type, id)));
    } catch (DatabaseException e) {
      throw e.getCause();
    }
  }

  /** The current version of a resource when cached: no database, never blocks. */
  Optional<StoredJson> cached(String type, String id) {
    return Optional.ofNullable(currents.getIfPresent(type + "/" + id));
  }

  /** Reads inside the cache's computation, so that a write's invalidation waits for it. */
  private @Nullable StoredJson load(String type, String id) {
    try (Connection c = ds.getConnection()) {
      return ResourceRows.currentStored(c, type, id).orElse(null);
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
  }
}
