package vn.bhyt.claims.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import vn.bhyt.claims.assessment.PriceCatalogue;
import vn.bhyt.persistence.DatabaseException;

/**
 * The insured price list behind a bounded Caffeine cache of every period of each code looked up
 * (codes the list lacks included). An import, in this process or another, empties the cache: the
 * table's latest change time is read at most once per poll interval, when a lookup comes; a cached
 * code is in any case reloaded after its maximum age.
 */
public final class CachingPriceCatalogue implements PriceCatalogue {
  /** Codes kept by default. */
  public static final long DEFAULT_SIZE = 100_000;

  /** How often, at most, lookups look for an import by default. */
  public static final Duration DEFAULT_POLL = Duration.ofSeconds(2);

  /** How long a cached code is trusted by default, whatever the polls say. */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(1);

  private final JdbcPriceCatalogue store;
  private final ChangeWatch changes;
  private final Cache<String, List<PricePeriod>> cache;

  /** The catalogue of a database, with the default size, poll interval and maximum age. */
  public CachingPriceCatalogue(DataSource ds) {
    this(ds, DEFAULT_SIZE, DEFAULT_POLL, DEFAULT_MAX_AGE, Ticker.systemTicker());
  }

  /**
   * @param maxSize the most codes kept
   * @param poll how often, at most, lookups look for an import
   * @param maxAge how long a cached code is trusted, whatever the polls say
   */
  public CachingPriceCatalogue(
      DataSource ds, long maxSize, Duration poll, Duration maxAge, Ticker ticker) {
    if (maxSize < 1) {
      throw new IllegalArgumentException("maxSize: " + maxSize + " (expected: >= 1)");
    }
    this.store = new JdbcPriceCatalogue(ds);
    this.changes = new ChangeWatch(ds, PriceTable.TABLE, poll, ticker);
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(maxSize)
            .expireAfterWrite(maxAge)
            .ticker(ticker)
            .recordStats()
            .build();
  }

  /**
   * {@inheritDoc}
   *
   * @throws DatabaseException when the code is not cached and the database does not answer
   */
  @Override
  public Optional<BigDecimal> price(String code, LocalDate day) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    if (changes.changed()) {
      cache.invalidateAll();
    }
    return PricePeriod.on(cache.get(code.strip(), store::periods), day);
  }

  /** Forgets every cached code. */
  public void invalidateAll() {
    cache.invalidateAll();
  }

  /** Runs the cache's pending maintenance (evictions), for tests. */
  void cleanUp() {
    cache.cleanUp();
  }

  /** Codes cached now (an estimate), for tests and metrics. */
  long size() {
    return cache.estimatedSize();
  }

  /** Lookups answered from the cache so far. */
  long hits() {
    return cache.stats().hitCount();
  }
}
