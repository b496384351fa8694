package vn.bhyt.gateway;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bhyt.auth.JdbcTokenStore;
import vn.bhyt.auth.Role;
import vn.bhyt.claims.assessment.AssessmentContext;
import vn.bhyt.claims.assessment.Assessor;
import vn.bhyt.claims.assessment.ClaimReference;
import vn.bhyt.claims.assessment.RuleBook;
import vn.bhyt.claims.catalog.CachingPriceCatalogue;
import vn.bhyt.claims.catalog.FhirCheckIns;
import vn.bhyt.claims.catalog.JdbcIcdList;
import vn.bhyt.claims.catalog.RegistryCardHistory;
import vn.bhyt.claims.fhirapi.FhirClaims;
import vn.bhyt.claims.fhirclaim.ClaimMapper;
import vn.bhyt.claims.forwarding.Forwarder;
import vn.bhyt.claims.forwarding.HttpFundClaims;
import vn.bhyt.claims.forwarding.JdbcOutbox;
import vn.bhyt.claims.http.ClaimsHandler;
import vn.bhyt.claims.intake.ClaimEnvelopeReader;
import vn.bhyt.claims.store.ClaimTransactions;
import vn.bhyt.claims.store.JdbcClaims;
import vn.bhyt.claims.submission.ClaimIntake;
import vn.bhyt.config.GatewayConfig;
import vn.bhyt.fhir.FhirContexts;
import vn.bhyt.fhir.FhirStore;
import vn.bhyt.fhir.FhirValidation;
import vn.bhyt.fhir.JdbcEncounterIndex;
import vn.bhyt.fhir.rest.FhirRoutes;
import vn.bhyt.http.BodyLimits;
import vn.bhyt.http.EventLoops;
import vn.bhyt.http.HttpServer;
import vn.bhyt.http.Method;
import vn.bhyt.http.Response;
import vn.bhyt.http.Router;
import vn.bhyt.persistence.Database;
import vn.bhyt.problem.ProblemException;
import vn.bhyt.problem.ProblemType;
import vn.bhyt.reference.ReferenceData;
import vn.bhyt.reference.ReferenceDirectory;
import vn.bhyt.verifier.audit.CardHasher;
import vn.bhyt.verifier.audit.JdbcCheckLog;
import vn.bhyt.verifier.audit.JdbcCheckRecords;
import vn.bhyt.verifier.audit.ReceiptKeys;
import vn.bhyt.verifier.audit.Receipts;
import vn.bhyt.verifier.card.DecodeBudget;
import vn.bhyt.verifier.card.QrImageDecoder;
import vn.bhyt.verifier.check.CardCheckService;
import vn.bhyt.verifier.check.OnlineCheck;
import vn.bhyt.verifier.fund.FundHttpClient;
import vn.bhyt.verifier.http.CheckRecordHandler;
import vn.bhyt.verifier.http.CheckRequestReader;
import vn.bhyt.verifier.http.VerifyHandler;
import vn.bhyt.verifier.registry.CachingRegistry;
import vn.bhyt.verifier.registry.JdbcCardTerms;
import vn.bhyt.verifier.registry.JdbcRegistry;
import vn.bhyt.verifier.rules.CardRules;
import vn.bhyt.verifier.rules.Facility;
import vn.bhyt.visits.CardEligibility;
import vn.bhyt.visits.CheckInService;
import vn.bhyt.visits.DischargeService;
import vn.bhyt.visits.http.VisitsHandler;

/**
 * A running gateway: database pool, registry cache, card checks, the FHIR API, claims intake and
 * the HTTP server.
 */
public final class GatewayApp implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GatewayApp.class);
  private static final String CLAIMS = "/api/v1/claims";

  /** Longest wait for a connection to the fund (at most its read timeout). */
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

  private final Parts parts;

  private GatewayApp(Parts parts) {
    this.parts = parts;
  }

  /**
   * Starts the gateway on a configured database: migrations, caches, the HTTP server.
   *
   * @throws IllegalArgumentException when no database is configured
   */
  public static GatewayApp start(GatewayConfig config) throws InterruptedException, SQLException {
    return start(config, Clock.system(config.zone()));
  }

  /**
   * Starts the gateway on a configured database with a clock: what every part reads the time from.
   *
   * @throws IllegalArgumentException when no database is configured
   */
  public static GatewayApp start(GatewayConfig config, Clock clock)
      throws InterruptedException, SQLException {
    if (!config.db().configured()) {
      throw new IllegalArgumentException("db.url: empty (expected: a jdbc:mariadb: URL)");
    }
    log.info("starting with configuration:\n{}", config.describe());
    Parts p = new Parts();
    try {
      p.build(config, clock);
      return new GatewayApp(p);
    } catch (RuntimeException | SQLException | InterruptedException e) {
      p.close();
      throw e;
    }
  }

  public int port() {
    return parts.server.port();
  }

  public HikariDataSource dataSource() {
    return parts.ds;
  }

  public CachingRegistry registry() {
    return parts.registry;
  }

  public JdbcTokenStore tokens() {
    return parts.tokens;
  }

  /** Stops the server and closes every part: threads, caches, the audit writer, the pool. */
  @Override
  public void close() {
    parts.close();
  }

  /**
   * The gateway's parts, each owned here and closed in reverse order: when the gateway stops, or
   * when one fails to start.
   */
  // build() sets every part before any other method uses it; close() checks each for null, since
  // build may fail halfway: the fields are not initialized by a constructor, on purpose.
  @SuppressWarnings("NullAway.Init")
  private static final class Parts implements AutoCloseable {
    HikariDataSource ds;
    ExecutorService workers;
    ScheduledExecutorService scheduler;
    ExecutorService health;
    CachingRegistry registry;
    JdbcCheckLog checkLog;
    HikariDataSource forwarderDs;
    Forwarder forwarder;
    HttpServer server;
    JdbcTokenStore tokens;
    ExecutorService flusher;
    Clock clock;

    void build(GatewayConfig config, Clock clock) throws InterruptedException, SQLException {
      this.clock = clock;
      PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      new JvmMemoryMetrics().bindTo(metrics);
      new JvmGcMetrics().bindTo(metrics);
      new JvmThreadMetrics().bindTo(metrics);
      new ProcessorMetrics().bindTo(metrics);
      ReferenceData reference =
          config.referenceDir() == null
              ? ReferenceData.builtIn()
              : ReferenceDirectory.load(config.referenceDir());
      ds = Database.open(config.db(), metrics);
      workers = Executors.newFixedThreadPool(config.http().workerThreads(), named("worker"));
      scheduler = Executors.newSingleThreadScheduledExecutor(named("scheduler"));
      // Readiness has a thread of its own: under load the workers' queue would make it late.
      health = Executors.newSingleThreadExecutor(named("health"));
      flusher = Executors.newCachedThreadPool(named("claim-flusher"));
      registry =
          new CachingRegistry(
                  new JdbcRegistry(ds),
                  config.registry().cacheSize(),
                  config.registry().cacheTtl(),
                  workers)
              .withMetrics(metrics);
      registry.startPolling(scheduler, config.registry().pollInterval());
      CardHasher hasher = CardHasher.of(ds);
      checkLog = checkLog(config.audit().spillDir(), hasher, metrics);
      Receipts receipts = receipts(config.audit());
      tokens = new JdbcTokenStore(ds, workers);
      CardRules rules =
          new CardRules(
              reference, new Facility(config.facility().code(), config.facility().level()));
      CardCheckService checks =
          new CardCheckService(
              registry,
              onlineCheck(config.fund(), metrics),
              rules,
              checkLog,
              hasher,
              receipts,
              clock);
      CheckRequestReader cards =
          new CheckRequestReader(QrImageDecoder.withBudget(decodeBudget(config.images())), workers);
      Router router =
          new Router()
              .add(
                  Method.POST,
                  "/api/v1/cards/verify",
                  Role.RECEPTION,
                  new VerifyHandler(checks, cards))
              .add(
                  Method.GET,
                  "/api/v1/checks/{checkId}",
                  EnumSet.of(Role.RECEPTION, Role.BILLING, Role.INSPECTOR),
                  new CheckRecordHandler(
                      new JdbcCheckRecords(ds), receipts, config.zone(), workers));
      FhirClaims fhirClaims = claims(router, config, reference, receipts, hasher);
      visits(router, config, checks, cards, reference, fhirClaims);
      operations(router, metrics);
      forwarder(config, metrics);
      server =
          HttpServer.start(
              config.http().bind(),
              config.http().port(),
              new EventLoops(config.http().eventLoops(), config.http().busyPoll()),
              BodyLimits.of(config.http().maxBodyBytes())
                  .with(CLAIMS, config.claims().maxEnvelopeBytes())
                  .spooled(CLAIMS)
                  .spoolingIn(config.http().spoolDir()),
              router,
              tokens,
              metrics);
    }

    /**
     * The forwarder of claims to the fund, with a client, threads and a pool of its own, so that a
     * slow fund or a long queue never takes what reception needs; none when {@code fund.url} is
     * empty (claims wait in {@code pending}).
     */
    private void forwarder(GatewayConfig config, MeterRegistry metrics) {
      GatewayConfig.Fund fund = config.fund();
      if (!fund.configured()) {
        return;
      }
      GatewayConfig.Forwarding f = fund.forwarding();
      FundHttpClient client =
          new FundHttpClient(
              URI.create(fund.url()),
              fund.user(),
              fund.password(),
              CONNECT_TIMEOUT,
              f.readTimeout(),
              fund.breakerWait(),
              clock);
      GatewayConfig.Db db = config.db();
      forwarderDs =
          Database.pool(
              new GatewayConfig.Db(db.url(), db.user(), db.password(), f.inFlight() + 2),
              metrics,
              "bhyt-forwarder");
      forwarder =
          new Forwarder(
                  new JdbcOutbox(forwarderDs),
                  new HttpFundClaims(client, config.zone()),
                  new Forwarder.Settings(
                      f.interval(),
                      f.giveUpAfter(),
                      f.inFlight(),
                      f.ratePerSecond(),
                      f.readTimeout().multipliedBy(2).plusSeconds(5),
                      f.interval()),
                  clock,
                  metrics)
              .start();
    }

    /** The fund's online check, or none when {@code fund.url} is empty. */
    private OnlineCheck onlineCheck(GatewayConfig.Fund fund, MeterRegistry metrics) {
      if (!fund.configured()) {
        return OnlineCheck.NONE;
      }
      FundHttpClient client =
          new FundHttpClient(
              URI.create(fund.url()),
              fund.user(),
              fund.password(),
              min(fund.readTimeout(), CONNECT_TIMEOUT),
              fund.readTimeout(),
              fund.breakerWait(),
              clock);
      Gauge.builder("fund.circuit.open", client, c -> c.circuit().equals("CLOSED") ? 0 : 1)
          .description("1 while the fund is not asked after repeated failures (breaker open)")
          .register(metrics);
      return new OnlineCheck(
          client, registry, fund.checkTimeout(), fund.registryMaxAge(), clock, metrics);
    }

    private static Duration min(Duration a, Duration b) {
      return a.compareTo(b) <= 0 ? a : b;
    }

    private void visits(
        Router router,
        GatewayConfig config,
        CardCheckService checks,
        CheckRequestReader cards,
        ReferenceData reference,
        FhirClaims claims) {
      FhirStore store = new FhirStore(ds, FhirContexts.r4(), clock);
      CheckInService checkIns =
          new CheckInService(checks, store, reference, config.facility().code(), workers);
      VisitsHandler visits =
          new VisitsHandler(checkIns, new DischargeService(store, workers), cards, clock);
      FhirRoutes.register(
          router, store, workers, new CardEligibility(checks), null, List.of(claims));
      router
          .add(Method.POST, "/api/v1/visits", Role.RECEPTION, visits::checkIn)
          .add(Method.POST, "/api/v1/visits/{id}/discharge", Role.RECEPTION, visits::discharge);
    }

    /**
     * Claims intake, assessed against the card registry, reception's check-ins, the imported price
     * list and ICD-10 list, and the claims received before; returns what the FHIR Claim endpoints
     * need to go through the same intake.
     */
    private FhirClaims claims(
        Router router,
        GatewayConfig config,
        ReferenceData reference,
        Receipts receipts,
        CardHasher hasher) {
      Path dir = config.referenceDir();
      ClaimReference claimReference =
          dir == null
              ? ClaimReference.builtIn()
              : ClaimReference.load(name -> read(dir.resolve(name)));
      RuleBook rules =
          RuleBook.standard(reference, claimReference, config.claims().disabledRules());
      AssessmentContext lookups =
          AssessmentContext.of(
                  new Facility(config.facility().code(), config.facility().level()),
                  LocalDate.now(clock))
              .withCards(new RegistryCardHistory(new JdbcCardTerms(ds)))
              .withCheckIns(
                  new FhirCheckIns(
                      new JdbcEncounterIndex(ds),
                      config.facility().code(),
                      config.zone(),
                      receipts,
                      hasher))
              .withPrices(new CachingPriceCatalogue(ds))
              .withDiagnoses(new JdbcIcdList(ds));
      ClaimIntake intake =
          new ClaimIntake(
              new ClaimEnvelopeReader(),
              new Assessor(rules),
              claimReference,
              lookups,
              ClaimTransactions.on(ds),
              workers,
              flusher,
              clock);
      JdbcClaims stored = new JdbcClaims(ds);
      JdbcOutbox outbox = new JdbcOutbox(ds);
      ClaimsHandler claims =
          new ClaimsHandler(intake, stored, outbox, rules, workers, config.zone());
      Set<Role> readers = EnumSet.of(Role.BILLING, Role.INSPECTOR);
      router
          .add(Method.POST, CLAIMS, Role.BILLING, claims::submit)
          .add(Method.GET, CLAIMS, readers, claims::list)
          .add(Method.GET, CLAIMS + "/{id}", readers, claims::get)
          .add(Method.GET, "/api/v1/rules", EnumSet.allOf(Role.class), claims::rules)
          .add(Method.GET, "/api/v1/forwarding", Role.BILLING, claims::forwarding)
          .add(Method.POST, "/api/v1/forwarding/{claimId}/retry", Role.ADMIN, claims::retry);
      return new FhirClaims(
          intake, stored, outbox, new ClaimEnvelopeReader(), new ClaimMapper(claimReference));
    }

    /**
     * The check log, with its spill in a directory of this installation's under the configured one,
     * named by a keyed hash: gateways of different databases on one machine never take each other's
     * records.
     */
    private JdbcCheckLog checkLog(Path spillBase, CardHasher hasher, MeterRegistry metrics) {
      Path dir = spillBase.resolve("installation-" + hasher.hash("audit spill directory"));
      try {
        return new JdbcCheckLog(ds, metrics, dir);
      } catch (IOException e) {
        throw new UncheckedIOException("audit.spill-dir: " + e.getMessage(), e);
      }
    }

    /** The receipt keys: the configured ones, else those of the key file, made on first start. */
    private static Receipts receipts(GatewayConfig.Audit audit) {
      if (!audit.receiptKeys().isEmpty()) {
        return ReceiptKeys.parse(audit.receiptKeys().value());
      }
      try {
        return ReceiptKeys.inFile(audit.receiptKeyFile());
      } catch (IOException e) {
        throw new UncheckedIOException("receipt.key-file: " + e.getMessage(), e);
      }
    }

    private static DecodeBudget decodeBudget(GatewayConfig.Images images) {
      return new DecodeBudget(
          images.decodeBudgetBytes(), images.maxDecodeBytes(), images.decodeWait());
    }

    private static Reader read(Path file) {
      try {
        return Files.newBufferedReader(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void operations(Router router, PrometheusMeterRegistry metrics) {
      router
          .open(Method.GET, "/health/live", r -> done(Response.json(200, Map.of("status", "up"))))
          .open(
              Method.GET, "/health/ready", r -> CompletableFuture.supplyAsync(this::ready, health))
          .open(
              Method.GET,
              "/metrics",
              r ->
                  CompletableFuture.supplyAsync(
                      () ->
                          Response.text(
                              200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape()),
                      workers));
    }

    private Response ready() {
      if (!Database.reachable(ds)) {
        throw new ProblemException(ProblemType.UNAVAILABLE, "the database is not reachable");
      }
      HikariPoolMXBean pool = ds.getHikariPoolMXBean();
      return Response.json(
          200,
          Map.of(
              "status",
              "ready",
              "database",
              "up",
              "pool",
              Map.of(
                  "active", pool.getActiveConnections(),
                  "idle", pool.getIdleConnections(),
                  "waiting", pool.getThreadsAwaitingConnection()),
              "audit",
              Map.of("queued", checkLog.queued(), "spilledBytes", checkLog.spilledBytes()),
              "fhirValidator",
              FhirValidation.isLoaded() ? "loaded" : "loading"));
    }

    private static CompletableFuture<Response> done(Response r) {
      return CompletableFuture.completedFuture(r);
    }

    private static ThreadFactory named(String prefix) {
      AtomicInteger n = new AtomicInteger();
      return r -> {
        Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      };
    }

    @Override
    public void close() {
      if (forwarder != null) {
        forwarder.close();
      }
      if (server != null) {
        server.close();
      }
      if (registry != null) {
        registry.close();
      }
      if (health != null) {
        health.shutdownNow();
      }
      if (scheduler != null) {
        scheduler.shutdownNow();
      }
      if (checkLog != null) {
        checkLog.close();
      }
      if (flusher != null) {
        flusher.shutdownNow();
      }
      if (workers != null) {
        workers.shutdownNow();
      }
      if (forwarderDs != null) {
        forwarderDs.close();
      }
      if (ds != null) {
        ds.close();
      }
    }
  }
}
