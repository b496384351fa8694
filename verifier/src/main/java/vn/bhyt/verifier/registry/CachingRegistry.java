package vn.bhyt.verifier.registry;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.persistence.DatabaseException;
import vn.bhyt.verifier.rules.RegistryEntry;

/**
 * The registry behind a bounded Caffeine cache, absent cards included.
 *
 * <p>A hit answers on the caller's thread; a miss loads on the executor. Rows changed by an import
 * (in this process or another) are invalidated by polling the table's change time.
 */
public final class CachingRegistry implements Registry, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CachingRegistry.class);
  private static final int POLL_LIMIT = 5_000;
  private static final Duration OVERLAP = Duration.ofSeconds(5);

  private final JdbcRegistry store;
  private final Executor executor;
  private final AsyncLoadingCache<RegistryKey, Optional<RegistryEntry>> cache;
  private @Nullable ScheduledFuture<?> polling;
  private @Nullable Instant watermark;
  private boolean clearing;

  public CachingRegistry(JdbcRegistry store, long maxSize, Duration ttl, Executor executor) {
    this.store = store;
    this.executor = executor;
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(maxSize)
            .expireAfterWrite(ttl)
            .executor(executor)
            .recordStats()
            .buildAsync(store::find);
  }

  /** Publishes hit rate, size and evictions. */
  public CachingRegistry withMetrics(MeterRegistry metrics) {
    CaffeineCacheMetrics.monitor(metrics, cache.synchronous(), "registry");
    return this;
  }

  @Override
  public CompletionStage<Optional<RegistryEntry>> byCardNumber(CardNumber number) {
    return cache.get(RegistryKey.card(number.value()));
  }

  @Override
  public CompletionStage<Optional<RegistryEntry>> byCitizenId(String citizenId) {
    return cache.get(RegistryKey.citizen(citizenId));
  }

  /**
   * Stores a card as the fund described it, on the executor, and forgets what the cache held for
   * it; other processes learn of the change by polling.
   */
  @Override
  public CompletionStage<Void> refresh(RegistryEntry fromFund) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            store.refresh(fromFund);
          } catch (SQLException e) {
            throw new DatabaseException(e);
          }
          forget(fromFund.cardNumber().value(), fromFund.ssn(), fromFund.citizenId());
        },
        executor);
  }

  /** Starts looking for changed rows at a fixed interval. */
  public void startPolling(ScheduledExecutorService scheduler, Duration interval)
      throws SQLException {
    this.watermark = store.now();
    this.polling =
        scheduler.scheduleWithFixedDelay(
            this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Invalidates the rows changed since the last poll; runs on the polling thread. */
  void poll() {
    Instant since = watermark;
    if (since == null) {
      return; // not started
    }
    try {
      Instant now = store.now();
      List<JdbcRegistry.Change> changes = store.changedSince(since.minus(OVERLAP), POLL_LIMIT);
      boolean bulk = changes.size() >= POLL_LIMIT;
      if (bulk) {
        if (!clearing) {
          log.info(
              "registry changed in {}+ rows; clearing the cache until the changes settle",
              POLL_LIMIT);
        }
        cache.synchronous().invalidateAll();
      } else {
        changes.forEach(this::invalidate);
      }
      clearing = bulk;
      watermark = now;
    } catch (SQLException | RuntimeException e) {
      log.warn("registry change poll failed: {}", e.toString());
    }
  }

  /** Forgets a changed row under every key it can be found by. */
  void invalidate(JdbcRegistry.Change change) {
    forget(change.cardNumber(), change.ssn(), change.citizenId());
  }

  private void forget(String cardNumber, @Nullable String ssn, @Nullable String citizenId) {
    var sync = cache.synchronous();
    sync.invalidate(RegistryKey.card(cardNumber));
    if (ssn != null) {
      sync.invalidate(RegistryKey.card(ssn));
    }
    if (citizenId != null) {
      sync.invalidate(RegistryKey.citizen(citizenId));
    }
  }

  /** Forgets everything, after a large import in this process. */
  public void invalidateAll() {
    cache.synchronous().invalidateAll();
  }

  @Override
  public void close() {
    ScheduledFuture<?> task = polling;
    if (task != null) {
      task.cancel(false); // the scheduler is the app's
    }
  }
}
