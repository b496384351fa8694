package vn.bhyt.fundsim;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.reference.ReferenceData;

/**
 * The simulated fund: the fund's API on one port, and an admin endpoint that changes its faults on
 * a second port bound to the loopback address only. Logs request ids, endpoints and result codes,
 * never card numbers, names or file contents.
 */
public final class FundSim implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FundSim.class);

  private final HttpServer server;
  private final HttpServer admin;
  private final ExecutorService threads;
  private final Accounts accounts;
  private final CardCheck check;
  private final Assessor assessor;
  private final Ledger ledger;
  private final FundApi api;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Random random;
  private final Duration assessmentDelay;
  private final boolean codesAsNumbers;
  private final int unauthorisedStatus;
  private final ReferenceData reference = ReferenceData.builtIn();
  private final AtomicLong requests = new AtomicLong();
  private final Map<String, long[]> calls = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> received = new ConcurrentHashMap<>();
  private volatile Faults faults;

  private FundSim(Builder b, FundRegistry registry, Ledger ledger) throws IOException {
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.random = new Random(b.seed);
    this.assessmentDelay = b.assessmentDelay;
    this.codesAsNumbers = b.codesAsNumbers;
    this.unauthorisedStatus = b.unauthorisedAsHttp401 ? 401 : 200;
    this.accounts = new Accounts(b.user, b.password, b.tokenLifetime, b.clock);
    this.check = new CardCheck(registry, reference);
    this.assessor = new Assessor(registry, b.priceCeiling);
    this.ledger = ledger;
    this.api = new FundApi(this, b.clock, b.zone);
    this.faults = Faults.none();
    faults(b.faults);
    AtomicInteger n = new AtomicInteger();
    this.threads =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "fund-sim-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.server = HttpServer.create(new InetSocketAddress(b.host, b.port), 64);
    server.createContext("/", http -> new FundRoutes(this, api).handle(new Exchange(http)));
    server.setExecutor(threads);
    this.admin =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.adminPort), 8);
    admin.createContext("/admin/", http -> new AdminRoutes(this).handle(new Exchange(http)));
    admin.setExecutor(threads);
    server.start();
    admin.start();
    LOG.info("fund-sim listening on port {}", port());
    LOG.info(
        "fund-sim admin endpoint on 127.0.0.1:{}; {} cards; account {}",
        adminPort(),
        registry.size(),
        accounts.user());
  }

  public static Builder builder(String user, String password) {
    return new Builder(user, password);
  }

  /** The password as clients send it: the upper-case hex MD5 of its UTF-8 bytes. */
  public static String passwordHash(String password) {
    return Accounts.md5(password);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public int adminPort() {
    return admin.getAddress().getPort();
  }

  /** The fund's base URL ({@code fund.url}), with a trailing slash. */
  public String url() {
    return "http://127.0.0.1:" + port() + "/";
  }

  public Faults faults() {
    return faults;
  }

  /** Replaces the faults (the admin endpoint does the same). */
  public void faults(Faults f) {
    faults = f;
    accounts.earlyExpiry(f.tokenLifetime());
    accounts.lock(f.locked());
  }

  /**
   * Calls received at an endpoint so far (its last path segment, e.g. {@code KQNhanLichSuKCB2019}),
   * faulted ones included.
   */
  public long received(String endpoint) {
    AtomicLong n = received.get(endpoint);
    return n == null ? 0 : n.get();
  }

  void receive(String endpoint) {
    received.computeIfAbsent(endpoint, k -> new AtomicLong()).incrementAndGet();
  }

  /**
   * A file the fund took: its transaction id, the visit it carried, the SHA-256 of its decoded
   * bytes and when it was taken.
   */
  public record Taken(String maGiaoDich, String maLk, String sha256, Instant received) {}

  /** Every file the fund took, oldest first: what a checker compares with what was sent. */
  public List<Taken> transactions() {
    return ledger().all().stream()
        .map(t -> new Taken(t.maGiaoDich(), t.result().maLk(), t.sha256(), t.received()))
        .toList();
  }

  /** Ends every token handed out so far. */
  public void expireTokens() {
    accounts.expireAll();
  }

  @Override
  public void close() {
    server.stop(0);
    admin.stop(0);
    threads.shutdownNow();
  }

  Accounts accounts() {
    return accounts;
  }

  CardCheck check() {
    return check;
  }

  Assessor assessor() {
    return assessor;
  }

  Ledger ledger() {
    return ledger;
  }

  Clock clock() {
    return clock;
  }

  Sleeper sleeper() {
    return sleeper;
  }

  Duration assessmentDelay() {
    return assessmentDelay;
  }

  int unauthorisedStatus() {
    return unauthorisedStatus;
  }

  String nextRequestId() {
    return "fs-" + requests.incrementAndGet();
  }

  String meaning(String code) {
    return reference.resultCode(code).map(r -> r.meaning()).orElse("");
  }

  /**
   * A result code as sent: a number when so configured and the code has no leading zero ({@code
   * 200}, {@code 401}), a string otherwise ({@code "000"} keeps its zeros).
   */
  Object code(String code) {
    return codesAsNumbers && !code.startsWith("0") ? Integer.valueOf(code) : code;
  }

  /** Draws from the seeded source whether this call meets a fault of that rate. */
  boolean draw(double rate) {
    if (rate <= 0) {
      return false;
    }
    synchronized (random) {
      return random.nextDouble() < rate;
    }
  }

  boolean dropAfterTake() {
    return draw(faults.dropAfterTakeRate());
  }

  /** Counts a call of the account; whether it is over the rate limit. */
  boolean overLimit(String user) {
    Faults f = faults;
    if (f.rateLimit() == 0) {
      return false;
    }
    long now = clock.millis();
    long period = f.ratePeriod().toMillis();
    long[] window =
        calls.computeIfAbsent(user.toUpperCase(java.util.Locale.ROOT), k -> new long[2]);
    synchronized (window) {
      if (now - window[0] >= period) {
        window[0] = now;
        window[1] = 0;
      }
      window[1]++;
      return window[1] > f.rateLimit();
    }
  }

  boolean outNow() {
    return faults.outAt(Instant.now(clock));
  }

  /** The simulated fund's settings; {@link #start()} opens its ports. */
  public static final class Builder {
    private final String user;
    private final String password;
    private String host = "0.0.0.0";
    private int port;
    private int adminPort;
    private @Nullable Reader registry;
    private @Nullable Path state;
    private Clock clock = Clock.systemUTC();
    private ZoneId zone = ZoneId.of("Asia/Ho_Chi_Minh");
    private Sleeper sleeper = Sleeper.THREAD;
    private long seed = 2026;
    private Duration tokenLifetime = Duration.ofHours(1);
    private Duration assessmentDelay = Duration.ofSeconds(30);
    private BigDecimal priceCeiling = new BigDecimal("50000000");
    private boolean codesAsNumbers;
    private boolean unauthorisedAsHttp401;
    private Faults faults = Faults.none();

    private Builder(String user, String password) {
      this.user = user;
      this.password = password;
    }

    /** The address the API listens on; every interface unless set. */
    public Builder host(String h) {
      host = h;
      return this;
    }

    public Builder port(int p) {
      port = p;
      return this;
    }

    public Builder adminPort(int p) {
      adminPort = p;
      return this;
    }

    /** A registry file in the import format; the built-in data set unless set. */
    public Builder registry(Reader csv) {
      registry = csv;
      return this;
    }

    /** A file that keeps the transactions across restarts; memory only unless set. */
    public Builder state(Path file) {
      state = file;
      return this;
    }

    public Builder clock(Clock c) {
      clock = c;
      return this;
    }

    public Builder zone(ZoneId z) {
      zone = z;
      return this;
    }

    public Builder sleeper(Sleeper s) {
      sleeper = s;
      return this;
    }

    /** Seeds the random source of the faults and the built-in data set. */
    public Builder seed(long s) {
      seed = s;
      return this;
    }

    public Builder tokenLifetime(Duration d) {
      tokenLifetime = d;
      return this;
    }

    /** How long after a submission its results stay {@code DANG_XU_LY}. */
    public Builder assessmentDelay(Duration d) {
      assessmentDelay = d;
      return this;
    }

    /** Insured unit prices above this are refused by the assessment. */
    public Builder priceCeiling(BigDecimal ceiling) {
      priceCeiling = ceiling;
      return this;
    }

    /** Result codes without a leading zero sent as JSON numbers rather than strings. */
    public Builder codesAsNumbers(boolean b) {
      codesAsNumbers = b;
      return this;
    }

    /** Unknown or expired tokens answered with HTTP 401 rather than HTTP 200. */
    public Builder unauthorisedAsHttp401(boolean b) {
      unauthorisedAsHttp401 = b;
      return this;
    }

    public Builder faults(Faults f) {
      faults = f;
      return this;
    }

    public FundSim start() throws IOException {
      Reader csv = registry;
      if (csv == null) {
        FacilityCode here = FacilityCode.parse(user.substring(0, Math.min(5, user.length())));
        csv = new StringReader(FundData.csv(seed, 200, here, LocalDate.now(clock.withZone(zone))));
      }
      FundRegistry cards = FundRegistry.read(csv);
      Ledger ledger = state == null ? Ledger.inMemory() : Ledger.inFile(state);
      return new FundSim(this, cards, ledger);
    }
  }
}
