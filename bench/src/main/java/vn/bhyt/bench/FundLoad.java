package vn.bhyt.bench;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.bhyt.auth.Role;
import vn.bhyt.config.GatewayConfig;
import vn.bhyt.config.Secret;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.fundsim.Faults;
import vn.bhyt.fundsim.FundData;
import vn.bhyt.fundsim.FundSim;
import vn.bhyt.gateway.GatewayApp;
import vn.bhyt.http.Json;
import vn.bhyt.persistence.TestDatabase;

/**
 * Card checks over HTTP while the gateway asks the fund about some of the cards: the registry-only
 * figure, then a tenth of the checks on cards the registry lacks while the fund answers each in 200
 * ms, then the same while the fund is down (its connections closed unanswered). The gateway and the
 * simulated fund run in this JVM, the fund on the JDK's HTTP server with a thread per call; the
 * registry has 10,000 cards (JSON QR bodies of 2,000 of them), the fund 60,000 others, each asked
 * about once (its answer then fills the registry). Arguments, all optional: connections (50),
 * warm-up seconds (10), measured seconds (20).
 */
public final class FundLoad {
  private static final String USER = "79034_BV";
  private static final String PASSWORD = "bench";
  private static final int FUND_CARDS = 60_000;
  private static final String CHECK = "KQNhanLichSuKCB2019";

  private FundLoad() {}

  public static void main(String[] args) throws Exception {
    int connections = BareEndpointLoad.intArg(args, 0, 50);
    Duration warmUp = Duration.ofSeconds(BareEndpointLoad.intArg(args, 1, 10));
    Duration measured = Duration.ofSeconds(BareEndpointLoad.intArg(args, 2, 20));
    ZoneId zone = ZoneId.of("Asia/Ho_Chi_Minh");
    LocalDate today = LocalDate.now(zone);
    String fundCsv = FundData.csv(2026, FUND_CARDS, new FacilityCode("79034"), today);
    try (TestDatabase db = TestDatabase.create();
        FundSim fund =
            FundSim.builder(USER, PASSWORD)
                .host("127.0.0.1")
                .port(0)
                .zone(zone)
                .registry(new StringReader(fundCsv))
                .start()) {
      GatewayConfig base = BenchConfig.of(db);
      GatewayConfig config = base.withFund(base.fund().at(fund.url(), USER, new Secret(PASSWORD)));
      try (GatewayApp app = GatewayApp.start(config)) {
        List<String> known = GatewayLoad.seed(app);
        List<String> unknown = fundCards(fundCsv);
        String token = app.tokens().create(Role.RECEPTION, "load");
        URI verify = URI.create("http://127.0.0.1:" + app.port() + "/api/v1/cards/verify");
        int half = unknown.size() / 2;
        List<Phase> phases =
            List.of(
                new Phase("registry only", known, Faults.none()),
                new Phase(
                    "a tenth asked, fund 200 ms",
                    mix(known, unknown.subList(0, half)),
                    Faults.none().withLatency(CHECK, Duration.ofMillis(200))),
                new Phase(
                    "a tenth asked, fund down",
                    mix(known, unknown.subList(half, unknown.size())),
                    Faults.none().withOutage(true, List.of(), "close")));
        for (Phase phase : phases) {
          fund.faults(phase.faults());
          LoadSpec spec =
              LoadSpec.post(verify, "application/json", LoadSpec.rotating(phase.bodies()))
                  .withHeader("Authorization", "Bearer " + token)
                  .withConnections(connections)
                  .withWarmUp(warmUp)
                  .withDuration(measured);
          LoadResult result = LoadDriver.run(spec);
          System.out.printf(
              Locale.ROOT,
              "%-27s %s, fund calls so far %d%n",
              phase.name() + ":",
              result.format(),
              fund.received(CHECK));
        }
      }
    }
    System.out.println(BareEndpointLoad.machine());
  }

  /** One load: its name, the bodies it rotates through, the fund's faults meanwhile. */
  private record Phase(String name, List<String> bodies, Faults faults) {}

  /** Nine registry bodies, then one body of a card only the fund knows, each of those once. */
  private static List<String> mix(List<String> known, List<String> unknown) {
    List<String> out = new ArrayList<>(unknown.size() * 10);
    for (int i = 0; i < unknown.size(); i++) {
      for (int k = 0; k < 9; k++) {
        out.add(known.get((i * 9 + k) % known.size()));
      }
      out.add(unknown.get(i));
    }
    return out;
  }

  /** Typed-number bodies of the fund's random cards, with the name and birth date it holds. */
  private static List<String> fundCards(String csv) throws Exception {
    List<String> bodies = new ArrayList<>();
    for (String line : csv.split("\n")) {
      String[] f = line.split(",", -1);
      if (f.length > 4 && f[1].startsWith("4898")) {
        bodies.add(
            Json.mapper()
                .writeValueAsString(Map.of("cardNumber", f[0], "name", f[3], "birthDate", f[4])));
      }
    }
    return bodies;
  }
}
