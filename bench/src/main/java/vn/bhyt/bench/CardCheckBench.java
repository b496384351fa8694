package vn.bhyt.bench;

import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.FacilityLevel;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.domain.Sex;
import vn.bhyt.domain.VisitKind;
import vn.bhyt.http.Json;
import vn.bhyt.http.Method;
import vn.bhyt.http.Request;
import vn.bhyt.http.Response;
import vn.bhyt.persistence.TestDatabase;
import vn.bhyt.reference.ReferenceData;
import vn.bhyt.verifier.api.CheckAnswer;
import vn.bhyt.verifier.audit.CardHasher;
import vn.bhyt.verifier.audit.Receipts;
import vn.bhyt.verifier.card.CardPayload;
import vn.bhyt.verifier.card.CardQrParser;
import vn.bhyt.verifier.card.CardQrWriter;
import vn.bhyt.verifier.card.QrImageDecoder;
import vn.bhyt.verifier.check.CardCheckService;
import vn.bhyt.verifier.check.CheckRequest;
import vn.bhyt.verifier.check.CheckResult;
import vn.bhyt.verifier.check.OnlineCheck;
import vn.bhyt.verifier.http.CheckRequestReader;
import vn.bhyt.verifier.registry.CachingRegistry;
import vn.bhyt.verifier.registry.JdbcRegistry;
import vn.bhyt.verifier.registry.RegistryImporter;
import vn.bhyt.verifier.rules.CardRules;
import vn.bhyt.verifier.rules.Evidence;
import vn.bhyt.verifier.rules.Facility;

/**
 * One card check from scanned QR text with the registry row in cache: parse, cache lookup, rules,
 * audit record; and the same with the answer document serialised to JSON. The registry sits in a
 * real (throwaway) MariaDB behind the real Caffeine cache. Audit records go into a bounded queue
 * that a thread drains without writing: one thread here checks faster than MariaDB inserts, and the
 * real writer would then refuse checks (its throughput shows in {@code GatewayLoad}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CardCheckBench {
  private static final String NUMBER = "DN4797912345678";
  private TestDatabase db;
  private ExecutorService workers;
  private CachingRegistry registry;
  private DrainedCheckLog audit;
  private CardCheckService service;
  private String qr;
  private CheckRequestReader reader;
  private Request request;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    db = TestDatabase.create();
    String csv =
        "card_number,name,birth_date,sex,registered_facility,valid_from,valid_to,benefit_level,group_code\n"
            + NUMBER
            + ",Nguyễn Văn An,1990-01-31,male,79034,2026-01-01,2026-12-31,4,DN\n";
    new RegistryImporter(db.dataSource()).importCsv(new StringReader(csv), n -> {});
    workers = Executors.newFixedThreadPool(4);
    registry =
        new CachingRegistry(
            new JdbcRegistry(db.dataSource()), 10_000, Duration.ofHours(1), workers);
    audit = new DrainedCheckLog();
    FacilityCode here = new FacilityCode("79034");
    service =
        new CardCheckService(
            registry,
            OnlineCheck.NONE,
            new CardRules(ReferenceData.builtIn(), new Facility(here, FacilityLevel.PROVINCIAL)),
            audit,
            CardHasher.of(db.dataSource()),
            Receipts.of(Map.of(1, new byte[32])),
            Clock.system(ZoneId.of("Asia/Ho_Chi_Minh")));
    qr =
        CardQrWriter.encode(
            CardPayload.printed(
                CardNumber.of(NUMBER),
                "Nguyễn Văn An",
                PartialDate.parse("1990-01-31"),
                Sex.MALE,
                "Công ty TNHH Demo",
                here,
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31)));
    reader = new CheckRequestReader(QrImageDecoder.withDefaults(), workers);
    request =
        Request.of(
            Method.POST,
            "/api/v1/cards/verify",
            Map.of(),
            Map.of("Content-Type", "application/json"),
            Json.write(Map.of("qr", qr)));
    check();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    audit.close();
    registry.close();
    workers.shutdownNow();
    db.close();
  }

  @Benchmark
  public CheckResult check() throws Exception {
    CheckRequest request =
        new CheckRequest(
            new Evidence.Scanned((CardPayload) CardQrParser.parse(qr)),
            null,
            VisitKind.OUTPATIENT,
            false);
    return service.check(request, "bench").toCompletableFuture().join();
  }

  /**
   * What the card-check route does with a JSON body, short of HTTP: read the body, check, answer.
   */
  @Benchmark
  public byte[] verifyJsonBody() throws Exception {
    CheckResult result =
        reader
            .read(request)
            .thenCompose(check -> service.check(check, "bench"))
            .toCompletableFuture()
            .join();
    return Response.json(200, CheckAnswer.of(result, request.language())).body();
  }

  @Benchmark
  public byte[] checkAndAnswer() throws Exception {
    return Json.write(CheckAnswer.of(check(), Locale.forLanguageTag("vi")));
  }
}
