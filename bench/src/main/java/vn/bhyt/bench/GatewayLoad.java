package vn.bhyt.bench;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.bhyt.auth.Role;
import vn.bhyt.config.GatewayConfig;
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
 * Arguments, all optional: connections (50), warm-up seconds (5), measured seconds (15).
 */
public final class GatewayLoad {
  private static final int CARDS = 10_000;
  private static final int SCANNED = 2_000;

  private GatewayLoad() {}

  public static void main(String[] args) throws Exception {
    int connections = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    Duration warmUp = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 5);
    Duration measured = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 15);
    try (BareEndpoint bare = BareEndpoint.start(0, 1)) {
      LoadResult baseline =
          LoadDriver.run(
              LoadSpec.get(bare.uri("/"))
                  .withConnections(connections)
                  .withWarmUp(warmUp)
                  .withDuration(measured));
      System.out.println("bare endpoint:   " + baseline.format());
    }
    try (TestDatabase db = TestDatabase.create()) {
      GatewayConfig config = BenchConfig.of(db);
      try (GatewayApp app = GatewayApp.start(config)) {
        LoadResult kernel =
            LoadDriver.run(
                LoadSpec.get(URI.create("http://127.0.0.1:" + app.port() + "/health/live"))
                    .withConnections(connections)
                    .withWarmUp(warmUp)
                    .withDuration(measured));
        System.out.println("gateway kernel:  " + kernel.format());
        List<String> bodies = seed(app);
        String token = app.tokens().create(Role.RECEPTION, "load");
        LoadSpec spec =
            LoadSpec.post(
                    URI.create("http://127.0.0.1:" + app.port() + "/api/v1/cards/verify"),
                    "application/json",
                    LoadSpec.rotating(bodies))
                .withHeader("Authorization", "Bearer " + token)
                .withConnections(connections)
                .withWarmUp(warmUp)
                .withDuration(measured);
        LoadResult checks = LoadDriver.run(spec);
        System.out.println("card checks:     " + checks.format());
      }
    }
    System.out.println(BareEndpointLoad.machine());
  }

  private static List<String> seed(GatewayApp app) throws Exception {
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
