package vn.bhyt.bench;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.bhyt.auth.Role;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.domain.Sex;
import vn.bhyt.gateway.GatewayApp;
import vn.bhyt.http.Json;
import vn.bhyt.persistence.TestDatabase;
import vn.bhyt.verifier.card.CardPayload;
import vn.bhyt.verifier.card.CardQrWriter;
import vn.bhyt.verifier.registry.RegistryImporter;

/**
 * Loads the gateway's card check over HTTP and, in the same run, a bare Netty endpoint and the
 * gateway's own {@code GET /health/live} (routing, metrics, access log; no token, no body), so the
 * throughputs compare on this machine.
 *
 * <p>The gateway runs in this JVM against a throwaway MariaDB with a registry of 10,000 cards; the
 * requests rotate through the QR texts of 2,000 of them (registry rows in cache after warm-up).
 *
 * <p>A shared machine's speed drifts over minutes, so the three are measured in turns: after one
 * warm-up each, every round loads the bare endpoint, the kernel and the card check for the same
 * time, one after the other. Each round's figures are printed, then the sums over all rounds: their
 * throughput is all requests over all measured time, p50 and p99 are the median round's and the
 * worst round's. Arguments, all optional: connections (50), warm-up seconds (15), seconds per round
 * (5), rounds (6), the load driver's threads (1), the bare endpoint's event loops (1).
 */
public final class GatewayLoad {
  private static final int CARDS = 10_000;
  private static final int SCANNED = 2_000;
  private static final Duration SETTLE = Duration.ofSeconds(1);

  private GatewayLoad() {}

  public static void main(String[] args) throws Exception {
    int connections = BareEndpointLoad.intArg(args, 0, 50);
    Duration warmUp = Duration.ofSeconds(BareEndpointLoad.intArg(args, 1, 15));
    Duration round = Duration.ofSeconds(BareEndpointLoad.intArg(args, 2, 5));
    int rounds = BareEndpointLoad.intArg(args, 3, 6);
    int clientThreads = BareEndpointLoad.intArg(args, 4, 1);
    int bareThreads = BareEndpointLoad.intArg(args, 5, 1);
    try (BareEndpoint bare = BareEndpoint.start(0, bareThreads);
        TestDatabase db = TestDatabase.create();
        GatewayApp app = GatewayApp.start(BenchConfig.of(db))) {
      List<String> bodies = seed(app);
      String token = app.tokens().create(Role.RECEPTION, "load");
      String base = "http://127.0.0.1:" + app.port();
      Map<String, LoadSpec> targets = new LinkedHashMap<>();
      targets.put("bare endpoint", LoadSpec.get(bare.uri("/")));
      targets.put("gateway kernel", LoadSpec.get(URI.create(base + "/health/live")));
      targets.put(
          "card checks",
          LoadSpec.post(
                  URI.create(base + "/api/v1/cards/verify"),
                  "application/json",
                  LoadSpec.rotating(bodies))
              .withHeader("Authorization", "Bearer " + token));
      targets.replaceAll(
          (name, spec) -> spec.withConnections(connections).withClientThreads(clientThreads));
      for (LoadSpec spec : targets.values()) {
        LoadDriver.run(spec.withWarmUp(warmUp).withDuration(SETTLE));
      }
      Map<String, List<LoadResult>> results = new LinkedHashMap<>();
      for (int r = 1; r <= rounds; r++) {
        for (Map.Entry<String, LoadSpec> t : targets.entrySet()) {
          LoadResult result = LoadDriver.run(t.getValue().withWarmUp(SETTLE).withDuration(round));
          results.computeIfAbsent(t.getKey(), k -> new ArrayList<>()).add(result);
          System.out.printf(Locale.ROOT, "round %d %-15s %s%n", r, t.getKey(), result.format());
        }
        System.out.printf(
            Locale.ROOT,
            "round %d card checks / bare endpoint: %.1f%%%n",
            r,
            100
                * last(results, "card checks").requestsPerSecond()
                / last(results, "bare endpoint").requestsPerSecond());
      }
      results.forEach(
          (name, list) -> System.out.printf(Locale.ROOT, "%-15s %s%n", name + ":", summary(list)));
      System.out.printf(
          Locale.ROOT,
          "card checks / bare endpoint, all rounds: %.1f%%%n",
          100 * throughput(results.get("card checks")) / throughput(results.get("bare endpoint")));
    }
    System.out.println(BareEndpointLoad.machine());
  }

  private static LoadResult last(Map<String, List<LoadResult>> results, String name) {
    List<LoadResult> list = results.get(name);
    return list.get(list.size() - 1);
  }

  private static double throughput(List<LoadResult> rounds) {
    long requests = rounds.stream().mapToLong(LoadResult::requests).sum();
    long nanos = rounds.stream().mapToLong(r -> r.duration().toNanos()).sum();
    return requests / (nanos / 1e9);
  }

  /** All rounds of one target: summed throughput and CPU, the median p50, the worst p99. */
  private static String summary(List<LoadResult> rounds) {
    long requests = rounds.stream().mapToLong(LoadResult::requests).sum();
    double[] p50 = rounds.stream().mapToDouble(LoadResult::p50Ms).sorted().toArray();
    double p99 = rounds.stream().mapToDouble(LoadResult::p99Ms).max().orElse(0);
    long cpu = rounds.stream().mapToLong(r -> r.cpu().toNanos()).sum();
    long childCpu = rounds.stream().mapToLong(r -> r.childCpu().toNanos()).sum();
    long errors = rounds.stream().mapToLong(r -> r.errors() + r.timeouts()).sum();
    return String.format(
        Locale.ROOT,
        "rps=%.1f over %d rounds, p50=%.3fms (median round) p99=%.3fms (worst round),"
            + " errors and timeouts=%d, cpu=%.0fus/request (child processes %.0fus)",
        throughput(rounds),
        rounds.size(),
        p50[p50.length / 2],
        p99,
        errors,
        cpu / 1e3 / requests,
        childCpu / 1e3 / requests);
  }

  static List<String> seed(GatewayApp app) throws Exception {
    LocalDate jan1 = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).withDayOfYear(1);
    LocalDate dec31 = jan1.plusYears(1).minusDays(1);
    FacilityCode here = new FacilityCode("79034");
    StringBuilder csv =
        new StringBuilder(
            "card_number,name,birth_date,sex,registered_facility,valid_from,valid_to,"
                + "benefit_level,group_code\n");
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < CARDS; i++) {
      String number = String.format("DN479%010d", 7_900_000_000L + i);
      String name = "Nguyễn Văn " + (char) ('A' + i % 26);
      csv.append(number)
          .append(',')
          .append(name)
          .append(",1990-01-31,male,79034,")
          .append(jan1)
          .append(',')
          .append(dec31)
          .append(",4,DN\n");
      if (i < SCANNED) {
        CardPayload p =
            CardPayload.printed(
                CardNumber.of(number),
                name,
                PartialDate.parse("1990-01-31"),
                Sex.MALE,
                "Công ty TNHH Demo",
                here,
                jan1,
                dec31);
        bodies.add(Json.mapper().writeValueAsString(Map.of("qr", CardQrWriter.encode(p))));
      }
    }
    new RegistryImporter(app.dataSource()).importCsv(new StringReader(csv.toString()), n -> {});
    return bodies;
  }
}
