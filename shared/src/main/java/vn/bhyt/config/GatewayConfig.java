package vn.bhyt.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.FacilityLevel;

/**
 * The gateway's whole configuration.
 *
 * @param effective every key's value as configured, secrets masked: what {@link #describe()} logs
 */
public record GatewayConfig(
    Http http,
    Db db,
    Facility facility,
    Fund fund,
    Registry registry,
    @Nullable Path referenceDir,
    ZoneId zone,
    Claims claims,
    Audit audit,
    Images images,
    Map<ConfigKey, String> effective) {

  public GatewayConfig {
    Map<ConfigKey, String> masked = new EnumMap<>(ConfigKey.class);
    for (Map.Entry<ConfigKey, String> e : effective.entrySet()) {
      masked.put(
          e.getKey(), e.getKey().secret() ? new Secret(e.getValue()).toString() : e.getValue());
    }
    effective = Collections.unmodifiableMap(masked);
  }

  /**
   * The HTTP server.
   *
   * @param eventLoops threads that read and answer requests; 0 means one per processor
   * @param busyPoll how long an event loop with nothing to do polls before it sleeps
   */
  public record Http(
      String bind,
      int port,
      int maxBodyBytes,
      int eventLoops,
      Duration busyPoll,
      int workerThreads,
      @Nullable Path spoolDir) {}

  /** The database; an empty URL means none is configured. */
  public record Db(String url, String user, Secret password, int poolSize) {
    public boolean configured() {
      return !url.isEmpty();
    }

    public Db withUrl(String newUrl) {
      return new Db(newUrl, user, password, poolSize);
    }
  }

  /** This facility. */
  public record Facility(FacilityCode code, FacilityLevel level) {}

  /**
   * The fund's online API; an empty URL means there is none.
   *
   * @param checkTimeout how long a card check waits for the fund
   * @param registryMaxAge how old a registry row may be before a card check asks the fund
   * @param readTimeout how long any call waits for the fund's answer
   * @param breakerWait how long the fund is not asked after repeated failures
   * @param forwarding how claims are forwarded to it
   */
  public record Fund(
      String url,
      String user,
      Secret password,
      Duration checkTimeout,
      Duration registryMaxAge,
      Duration readTimeout,
      Duration breakerWait,
      Forwarding forwarding) {
    public boolean configured() {
      return !url.isEmpty();
    }

    /** The same timing with another address and account. */
    public Fund at(String newUrl, String newUser, Secret newPassword) {
      return new Fund(
          newUrl,
          newUser,
          newPassword,
          checkTimeout,
          registryMaxAge,
          readTimeout,
          breakerWait,
          forwarding);
    }
  }

  /**
   * Forwarding claims to the fund.
   *
   * @param interval how often the forwarder looks for work
   * @param giveUpAfter how long a claim may keep failing before it is dead
   * @param readTimeout how long a submission or look-up waits for the fund
   * @param inFlight how many claims are worked on at once
   * @param ratePerSecond how many files a second go to the fund at most
   */
  public record Forwarding(
      Duration interval,
      Duration giveUpAfter,
      Duration readTimeout,
      int inFlight,
      int ratePerSecond) {}

  /**
   * The audit trail of card checks and the receipts given for them.
   *
   * @param spillDir where check records wait on disk while the audit queue is full
   * @param receiptKeys the receipt keys as configured ({@code version:base64,…}); empty: those of
   *     {@code receiptKeyFile}
   * @param receiptKeyFile the file of receipt keys, made on first start
   */
  public record Audit(Path spillDir, Secret receiptKeys, Path receiptKeyFile) {}

  /** The card registry cache. */
  public record Registry(long cacheSize, Duration cacheTtl, Duration pollInterval) {}

  /**
   * Claims intake.
   *
   * @param maxEnvelopeBytes the largest envelope body {@code POST /api/v1/claims} accepts
   * @param disabledRules ids of the pre-assessment rules switched off
   */
  public record Claims(int maxEnvelopeBytes, Set<String> disabledRules) {
    public Claims {
      disabledRules = Set.copyOf(disabledRules);
    }
  }

  /**
   * Decoding card photos.
   *
   * @param decodeBudgetBytes the memory all decodes running at once may take
   * @param maxDecodeBytes the memory one decode may take
   * @param decodeWait how long a decode waits for its memory
   */
  public record Images(long decodeBudgetBytes, long maxDecodeBytes, Duration decodeWait) {}

  /** The effective configuration, one {@code key = value} per line, secrets masked. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    for (ConfigKey key : ConfigKey.values()) {
      out.append(key.key()).append(" = ").append(effective.getOrDefault(key, "")).append('\n');
    }
    return out.toString();
  }

  /** The same configuration with another database. */
  public GatewayConfig withDb(Db newDb) {
    Map<ConfigKey, String> e = new EnumMap<>(effective);
    e.put(ConfigKey.DB_URL, newDb.url());
    e.put(ConfigKey.DB_USER, newDb.user());
    e.put(ConfigKey.DB_PASSWORD, newDb.password().value());
    e.put(ConfigKey.DB_POOL_SIZE, Integer.toString(newDb.poolSize()));
    return new GatewayConfig(
        http, newDb, facility, fund, registry, referenceDir, zone, claims, audit, images, e);
  }

  /** The same configuration with another HTTP port. */
  public GatewayConfig withHttpPort(int port) {
    Http h =
        new Http(
            http.bind(),
            port,
            http.maxBodyBytes(),
            http.eventLoops(),
            http.busyPoll(),
            http.workerThreads(),
            http.spoolDir());
    Map<ConfigKey, String> e = new EnumMap<>(effective);
    e.put(ConfigKey.HTTP_PORT, Integer.toString(port));
    return new GatewayConfig(
        h, db, facility, fund, registry, referenceDir, zone, claims, audit, images, e);
  }

  /** The same configuration with another fund connection. */
  public GatewayConfig withFund(Fund newFund) {
    Map<ConfigKey, String> e = new EnumMap<>(effective);
    e.put(ConfigKey.FUND_URL, newFund.url());
    e.put(ConfigKey.FUND_USER, newFund.user());
    e.put(ConfigKey.FUND_PASSWORD, newFund.password().value());
    e.put(ConfigKey.FUND_CHECK_TIMEOUT, newFund.checkTimeout().toString());
    e.put(ConfigKey.FUND_REGISTRY_MAX_AGE, newFund.registryMaxAge().toString());
    e.put(ConfigKey.FUND_READ_TIMEOUT, newFund.readTimeout().toString());
    e.put(ConfigKey.FUND_BREAKER_WAIT, newFund.breakerWait().toString());
    return new GatewayConfig(
        http, db, facility, newFund, registry, referenceDir, zone, claims, audit, images, e);
  }
}
