package vn.bhyt.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.FacilityLevel;

/**
 * Builds a {@link GatewayConfig} from the text of {@code gateway.conf} and the environment.
 *
 * <p>An environment variable wins over the file, the file over the default. Every problem is
 * collected and reported at once; bad values are rejected, never corrected.
 */
public final class ConfigLoader {
  private static final Pattern RULE_ID = Pattern.compile("[a-z0-9]+(?:[.-][a-z0-9]+)*");
  private final Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
  private final List<String> problems = new ArrayList<>();

  private ConfigLoader() {}

  /**
   * Loads the configuration.
   *
   * @param fileText the text of {@code gateway.conf}, or empty when there is no file
   * @param env the environment variables
   * @throws ConfigException listing every problem
   */
  public static GatewayConfig load(String fileText, Map<String, String> env) {
    return new ConfigLoader().build(fileText, env);
  }

  private GatewayConfig build(String fileText, Map<String, String> env) {
    Map<String, String> file = parseFile(fileText);
    for (ConfigKey key : ConfigKey.values()) {
      String value = env.get(key.env());
      if (value == null) {
        value = file.remove(key.key());
      } else {
        file.remove(key.key());
      }
      values.put(key, (value == null ? key.defaultValue() : value).strip());
    }
    file.keySet().forEach(k -> problems.add("gateway.conf: unknown key '" + k + "'"));
    GatewayConfig config = assemble();
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return config;
  }

  // A parse failure answers null after recording a problem; build() throws before such a
  // configuration escapes, so the nulls never reach a caller.
  @SuppressWarnings("NullAway")
  private GatewayConfig assemble() {
    var http =
        new GatewayConfig.Http(
            get(ConfigKey.HTTP_BIND),
            intIn(ConfigKey.HTTP_PORT, 0, 65535),
            intIn(ConfigKey.HTTP_MAX_BODY_BYTES, 1024, Integer.MAX_VALUE),
            intIn(ConfigKey.HTTP_EVENT_LOOPS, 0, 256),
            Duration.ofNanos(1_000L * intIn(ConfigKey.HTTP_BUSY_POLL_MICROS, 0, 10_000)),
            intIn(ConfigKey.HTTP_WORKER_THREADS, 1, 1024),
            get(ConfigKey.HTTP_SPOOL_DIR).isEmpty()
                ? null
                : Path.of(get(ConfigKey.HTTP_SPOOL_DIR)));
    var db =
        new GatewayConfig.Db(
            jdbcUrl(ConfigKey.DB_URL),
            get(ConfigKey.DB_USER),
            new Secret(get(ConfigKey.DB_PASSWORD)),
            intIn(ConfigKey.DB_POOL_SIZE, 1, 500));
    var facility =
        new GatewayConfig.Facility(
            parse(ConfigKey.FACILITY_CODE, FacilityCode::new),
            parse(ConfigKey.FACILITY_LEVEL, FacilityLevel::parse));
    var fund =
        new GatewayConfig.Fund(
            httpUrl(ConfigKey.FUND_URL),
            get(ConfigKey.FUND_USER),
            new Secret(get(ConfigKey.FUND_PASSWORD)),
            positive(ConfigKey.FUND_CHECK_TIMEOUT),
            positive(ConfigKey.FUND_REGISTRY_MAX_AGE),
            positive(ConfigKey.FUND_READ_TIMEOUT),
            positive(ConfigKey.FUND_BREAKER_WAIT),
            new GatewayConfig.Forwarding(
                positive(ConfigKey.FORWARDING_INTERVAL),
                positive(ConfigKey.FORWARDING_GIVE_UP_AFTER),
                positive(ConfigKey.FORWARDING_READ_TIMEOUT),
                intIn(ConfigKey.FORWARDING_IN_FLIGHT, 1, 256),
                intIn(ConfigKey.FORWARDING_RATE, 1, 10_000)));
    var registry =
        new GatewayConfig.Registry(
            intIn(ConfigKey.REGISTRY_CACHE_SIZE, 0, Integer.MAX_VALUE),
            positive(ConfigKey.REGISTRY_CACHE_TTL),
            positive(ConfigKey.REGISTRY_POLL_INTERVAL));
    var claims =
        new GatewayConfig.Claims(
            intIn(ConfigKey.CLAIMS_MAX_ENVELOPE_BYTES, 1024, Integer.MAX_VALUE - 8),
            ruleIds(ConfigKey.ASSESSMENT_DISABLED_RULES));
    var images =
        new GatewayConfig.Images(
            longIn(ConfigKey.IMAGE_DECODE_BUDGET_BYTES, 1L << 20, 1L << 40),
            longIn(ConfigKey.IMAGE_MAX_DECODE_BYTES, 1L << 20, 1L << 40),
            nonNegative(ConfigKey.IMAGE_DECODE_WAIT));
    if (images.maxDecodeBytes() > images.decodeBudgetBytes()) {
      problems.add(
          describe(ConfigKey.IMAGE_MAX_DECODE_BYTES)
              + ": "
              + images.maxDecodeBytes()
              + " (expected: at most image.decode-budget-bytes, "
              + images.decodeBudgetBytes()
              + ")");
    }
    String dir = get(ConfigKey.REFERENCE_DIR);
    String spill = get(ConfigKey.AUDIT_SPILL_DIR);
    Path spillDir =
        spill.isEmpty()
            ? Path.of(System.getProperty("java.io.tmpdir"), "bhyt-gateway-audit")
            : parse(ConfigKey.AUDIT_SPILL_DIR, Path::of);
    if (spillDir == null) {
      spillDir = Path.of("");
    }
    Path keyFile =
        get(ConfigKey.RECEIPT_KEY_FILE).isEmpty()
            ? spillDir.resolve("receipt-keys")
            : parse(ConfigKey.RECEIPT_KEY_FILE, Path::of);
    var audit =
        new GatewayConfig.Audit(
            spillDir, receiptKeys(), keyFile == null ? spillDir.resolve("receipt-keys") : keyFile);
    return new GatewayConfig(
        http,
        db,
        facility,
        fund,
        registry,
        dir.isEmpty() ? null : Path.of(dir),
        parse(ConfigKey.TIME_ZONE, ZoneId::of),
        claims,
        audit,
        images,
        Map.copyOf(values));
  }

  private Map<String, String> parseFile(String text) {
    Map<String, String> file = new HashMap<>();
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        problems.add("gateway.conf: line " + (i + 1) + ": expected 'key = value'");
        continue;
      }
      String key = line.substring(0, eq).strip();
      if (file.put(key, line.substring(eq + 1).strip()) != null) {
        problems.add("gateway.conf: line " + (i + 1) + ": '" + key + "' is set twice");
      }
    }
    return file;
  }

  /**
   * The receipt keys, checked as {@code version:base64} pairs: versions 1 to 32767, each once, keys
   * of at least 32 bytes. Problems never repeat a key.
   */
  private Secret receiptKeys() {
    String text = get(ConfigKey.RECEIPT_KEYS);
    if (text.isEmpty()) {
      return new Secret("");
    }
    Set<Integer> versions = new java.util.HashSet<>();
    String[] pairs = text.split(",", -1);
    for (int i = 0; i < pairs.length; i++) {
      String pair = pairs[i].strip();
      String where = describe(ConfigKey.RECEIPT_KEYS) + ": key " + (i + 1);
      int colon = pair.indexOf(':');
      try {
        int version = Integer.parseInt(pair.substring(0, Math.max(colon, 0)).strip());
        byte[] key = java.util.Base64.getDecoder().decode(pair.substring(colon + 1).strip());
        if (version < 1 || version > Short.MAX_VALUE) {
          problems.add(where + ": version " + version + " (expected: 1.." + Short.MAX_VALUE + ")");
        } else if (!versions.add(version)) {
          problems.add(where + ": version " + version + " is given twice");
        } else if (key.length < 32) {
          problems.add(where + ": " + key.length + " bytes (expected: at least 32)");
        }
      } catch (IllegalArgumentException e) {
        problems.add(where + ": expected version:base64, e.g. 1:" + "A".repeat(43) + "=");
      }
    }
    return new Secret(text);
  }

  private String get(ConfigKey key) {
    return Objects.requireNonNull(values.get(key), key.key()); // build() puts every key
  }

  private <T> @Nullable T parse(ConfigKey key, Function<String, T> parser) {
    try {
      return parser.apply(get(key));
    } catch (RuntimeException e) {
      problems.add(describe(key) + ": '" + get(key) + "' is not valid (" + e.getMessage() + ")");
      return null;
    }
  }

  private int intIn(ConfigKey key, int min, int max) {
    Integer value = parse(key, Integer::valueOf);
    if (value != null && (value < min || value > max)) {
      problems.add(describe(key) + ": " + value + " (expected: " + min + ".." + max + ")");
    }
    return value == null ? 0 : value;
  }

  private long longIn(ConfigKey key, long min, long max) {
    Long value = parse(key, Long::valueOf);
    if (value != null && (value < min || value > max)) {
      problems.add(describe(key) + ": " + value + " (expected: " + min + ".." + max + ")");
    }
    return value == null ? 0 : value;
  }

  // A parse failure answers null after recording a problem; build() throws before such a
  // configuration escapes, so the nulls never reach a caller.
  @SuppressWarnings("NullAway")
  private Duration nonNegative(ConfigKey key) {
    Duration value = parse(key, Duration::parse);
    if (value != null && value.isNegative()) {
      problems.add(describe(key) + ": " + value + " (expected: zero or a positive duration)");
    }
    return value;
  }

  // A parse failure answers null after recording a problem; build() throws before such a
  // configuration escapes, so the nulls never reach a caller.
  @SuppressWarnings("NullAway")
  private Duration positive(ConfigKey key) {
    Duration value = parse(key, Duration::parse);
    if (value != null && (value.isNegative() || value.isZero())) {
      problems.add(describe(key) + ": " + value + " (expected: a positive duration)");
    }
    return value;
  }

  /**
   * A comma-separated list of rule ids; whether each names a rule is checked when the rule book is
   * built.
   */
  private Set<String> ruleIds(ConfigKey key) {
    Set<String> ids = new LinkedHashSet<>();
    for (String part : get(key).split(",", -1)) {
      String id = part.strip();
      if (id.isEmpty()) {
        continue;
      }
      if (!RULE_ID.matcher(id).matches()) {
        problems.add(describe(key) + ": '" + id + "' is not a rule id (such as money.lines)");
      }
      ids.add(id);
    }
    return ids;
  }

  private String jdbcUrl(ConfigKey key) {
    String value = get(key);
    if (!value.isEmpty()
        && !value.startsWith("jdbc:mariadb:")
        && !value.startsWith("jdbc:mysql:")) {
      problems.add(describe(key) + ": expected a jdbc:mariadb: URL");
    }
    return value;
  }

  private String httpUrl(ConfigKey key) {
    String value = get(key);
    if (!value.isEmpty() && !value.startsWith("http://") && !value.startsWith("https://")) {
      problems.add(describe(key) + ": expected an http:// or https:// URL");
    }
    return value;
  }

  private static String describe(ConfigKey key) {
    return key.key() + " (" + key.env() + ")";
  }
}
