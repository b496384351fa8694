package vn.bhyt.config;

/** Every configuration key, with its environment variable, default and meaning. */
public enum ConfigKey {
  HTTP_BIND(
      "http.bind", "127.0.0.1", "address the HTTP server listens on (0.0.0.0 for all interfaces)"),
  HTTP_PORT(
      "http.port", "8080", "HTTP port; 0 picks any free port (logged as `listening on port N`)"),
  HTTP_MAX_BODY_BYTES(
      "http.max-body-bytes", "8388608", "largest request body accepted; larger gets 413"),
  HTTP_EVENT_LOOPS(
      "http.event-loops",
      "0",
      "threads that read and answer HTTP requests and run card checks; 0: one per processor"),
  HTTP_BUSY_POLL_MICROS(
      "http.busy-poll-micros",
      "30",
      "how long an HTTP thread with nothing to do keeps polling for requests before it sleeps;"
          + " 0: sleep at once"),
  HTTP_WORKER_THREADS(
      "http.worker-threads", "16", "threads for blocking work (database, image decoding)"),
  IMAGE_DECODE_BUDGET_BYTES(
      "image.decode-budget-bytes",
      "268435456",
      "memory that card photos being decoded at once may take, inside and outside the heap, as"
          + " estimated from each picture's header; a photo whose share is not free within"
          + " `image.decode-wait` gets 503"),
  IMAGE_MAX_DECODE_BYTES(
      "image.max-decode-bytes",
      "134217728",
      "memory the decode of one card photo may take, at most `image.decode-budget-bytes`; a photo"
          + " whose decode would take more gets 422"),
  IMAGE_DECODE_WAIT(
      "image.decode-wait",
      "PT2S",
      "how long a card photo's decode waits for its memory while other decodes hold it (ISO-8601"
          + " duration)"),
  HTTP_SPOOL_DIR(
      "http.spool-dir",
      "",
      "directory where claim envelopes are written while they arrive, readable by the gateway's"
          + " user only and deleted once answered; empty: the system's temporary directory"),
  DB_URL(
      "db.url",
      "",
      "JDBC URL of the MariaDB database (`jdbc:mariadb://host:3306/bhyt`); empty: `demo` starts a"
          + " throwaway server, `serve` refuses to start"),
  DB_USER("db.user", "root", "database user"),
  DB_PASSWORD("db.password", "", "database password (secret)"),
  DB_POOL_SIZE(
      "db.pool-size",
      "20",
      "database connections in the pool; at least the worker threads, so that none waits for one"),
  FACILITY_CODE("facility.code", "79034", "this facility's 5-character code (`MA_CSKCB`)"),
  FACILITY_LEVEL(
      "facility.level",
      "provincial",
      "this facility's level: central, provincial, district, commune"),
  FUND_URL("fund.url", "", "base URL of the fund's API; empty: no online fund check"),
  FUND_USER("fund.user", "", "user name at the fund"),
  FUND_PASSWORD("fund.password", "", "password at the fund (secret)"),
  FUND_CHECK_TIMEOUT(
      "fund.check-timeout",
      "PT2S",
      "longest a card check waits for the fund before it answers from the registry or the card,"
          + " marked so (ISO-8601 duration)"),
  FUND_REGISTRY_MAX_AGE(
      "fund.registry-max-age",
      "PT12H",
      "a card check asks the fund when the registry has no row for the card or its row is older"
          + " than this (ISO-8601 duration)"),
  FUND_READ_TIMEOUT(
      "fund.read-timeout",
      "PT10S",
      "longest any call waits for the fund's answer; a card check's late answer still refreshes"
          + " the registry when it comes within this (ISO-8601 duration)"),
  FUND_BREAKER_WAIT(
      "fund.breaker-wait",
      "PT30S",
      "after repeated failures, how long the fund is not asked before one call probes it"
          + " (ISO-8601 duration)"),
  FORWARDING_INTERVAL(
      "forwarding.interval",
      "PT30S",
      "how often the forwarder looks for claims to send and results to fetch (ISO-8601 duration)"),
  FORWARDING_GIVE_UP_AFTER(
      "forwarding.give-up-after",
      "P3D",
      "how long a claim may keep failing transiently before it becomes a dead letter (ISO-8601"
          + " duration)"),
  FORWARDING_READ_TIMEOUT(
      "forwarding.read-timeout",
      "PT60S",
      "longest a claim submission or look-up waits for the fund's answer; the fund has taken over"
          + " 30 s (ISO-8601 duration)"),
  FORWARDING_IN_FLIGHT(
      "forwarding.in-flight",
      "8",
      "claims the forwarder works on at once, on threads and connections of its own"),
  FORWARDING_RATE(
      "forwarding.rate",
      "20",
      "claim files sent to the fund per second at most (the fund limits calls per account)"),
  REGISTRY_CACHE_SIZE("registry.cache-size", "500000", "registry rows kept in memory"),
  REGISTRY_CACHE_TTL(
      "registry.cache-ttl",
      "PT10M",
      "how long a cached registry row is trusted (ISO-8601 duration)"),
  REGISTRY_POLL_INTERVAL(
      "registry.poll-interval",
      "PT2S",
      "how often the server looks for rows changed by an import (ISO-8601 duration)"),
  REFERENCE_DIR(
      "reference.dir",
      "",
      "directory with reference CSV files to use instead of the built-in ones"),
  AUDIT_SPILL_DIR(
      "audit.spill-dir",
      "",
      "directory for check records waiting for the database while its audit queue is full; empty:"
          + " `bhyt-gateway-audit` in the system's temporary directory"),
  RECEIPT_KEYS(
      "receipt.keys",
      "",
      "keys that sign card-check receipts, as comma-separated `version:base64` pairs (at least 32"
          + " bytes each): the highest version signs, every one verifies (secret); empty: the keys"
          + " of `receipt.key-file`"),
  RECEIPT_KEY_FILE(
      "receipt.key-file",
      "",
      "file of receipt keys, one `version:base64` per line, made with a new key on first start"
          + " (owner-only) and given a new version by `gateway receipt-key rotate`; empty:"
          + " `receipt-keys` in `audit.spill-dir`"),
  TIME_ZONE("time-zone", "Asia/Ho_Chi_Minh", "time zone of the facility (\"today\", timestamps)"),
  CLAIMS_MAX_ENVELOPE_BYTES(
      "claims.max-envelope-bytes",
      "268435456",
      "largest claim envelope accepted by `POST /api/v1/claims`; larger gets 413"),
  ASSESSMENT_DISABLED_RULES(
      "assessment.disabled-rules",
      "",
      "comma-separated ids of pre-assessment rules to switch off (`GET /api/v1/rules` lists them);"
          + " an unknown id stops the start");

  private final String key;
  private final String defaultValue;
  private final String meaning;

  ConfigKey(String key, String defaultValue, String meaning) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.meaning = meaning;
  }

  /** The key as written in {@code gateway.conf}. */
  public String key() {
    return key;
  }

  /** The environment variable that overrides the key: {@code GATEWAY_} and the key in capitals. */
  public String env() {
    return "GATEWAY_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String meaning() {
    return meaning;
  }

  public boolean secret() {
    return this == DB_PASSWORD || this == FUND_PASSWORD || this == RECEIPT_KEYS;
  }
}
