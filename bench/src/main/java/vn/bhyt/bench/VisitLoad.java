package vn.bhyt.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import vn.bhyt.auth.Role;
import vn.bhyt.config.GatewayConfig;
import vn.bhyt.gateway.GatewayApp;
import vn.bhyt.http.Json;
import vn.bhyt.persistence.TestDatabase;
import vn.bhyt.verifier.registry.RegistryImporter;

/**
 * Loads reception check-ins (card check and four FHIR resources in one transaction) and FHIR reads
 * of the Patients they created, against the gateway in this JVM on a throwaway MariaDB.
 *
 * <p>Check-ins go through 200,000 registry cards in turn, so that every check-in of a run of a few
 * minutes creates a new Patient and Coverage (the run says so when it came round to the first card
 * again). Arguments, all optional: connections (50), warm-up seconds (5), measured seconds (15).
 */
public final class VisitLoad {
  private static final int CARDS = 200_000;
  private static final int READ_PATIENTS = 200;

  private VisitLoad() {}

  public static void main(String[] args) throws Exception {
    int connections = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    Duration warmUp = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 5);
    Duration measured = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 15);
    try (TestDatabase db = TestDatabase.create()) {
      GatewayConfig config = BenchConfig.of(db);
      try (GatewayApp app = GatewayApp.start(config)) {
        seed(app);
        String token = app.tokens().create(Role.RECEPTION, "load");
        String base = "http://127.0.0.1:" + app.port();
        AtomicLong next = new AtomicLong();
        Supplier<byte[]> checkIn = () -> body(next.getAndIncrement() % CARDS);
        LoadResult checkIns =
            LoadDriver.run(
                LoadSpec.post(URI.create(base + "/api/v1/visits"), "application/json", checkIn)
                    .withHeader("Authorization", "Bearer " + token)
                    .withConnections(connections)
                    .withWarmUp(warmUp)
                    .withDuration(measured));
        System.out.println("check-ins:   " + checkIns.format());
        if (next.get() > CARDS) {
          System.out.println(
              "  (after " + CARDS + " check-ins the cards came round again: Patients existed)");
        }
        List<String> patients = patients(base, token, READ_PATIENTS);
        LoadResult reads =
            LoadDriver.run(
                LoadSpec.get(URI.create(base + "/fhir/Patient/" + patients.get(0)))
                    .withPaths(patients.stream().map(id -> "/fhir/Patient/" + id).toList())
                    .withHeader("Authorization", "Bearer " + token)
                    .withHeader("Accept", "application/fhir+json")
                    .withConnections(connections)
                    .withWarmUp(warmUp)
                    .withDuration(measured));
        System.out.println(
            "FHIR reads:  "
                + reads.format()
                + " (GET /fhir/Patient/{id} of "
                + patients.size()
                + " Patients in turn)");
      }
    }
    System.out.println(BareEndpointLoad.machine());
  }

  private static String number(long i) {
    return String.format("DN479%010d", 7_900_000_000L + i);
  }

  static byte[] body(long i) {
    return ("{\"cardNumber\":\""
            + number(i)
            + "\",\"name\":\"Nguyễn Văn "
            + (char) ('A' + i % 26)
            + "\",\"birthDate\":\"1990-01-31\",\"department\":\"K01\"}")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  static void seed(GatewayApp app) throws Exception {
    LocalDate jan1 = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).withDayOfYear(1);
    StringBuilder csv =
        new StringBuilder(
            "card_number,name,birth_date,sex,registered_facility,valid_from,valid_to,"
                + "benefit_level,group_code\n");
    for (int i = 0; i < CARDS; i++) {
      csv.append(number(i))
          .append(",Nguyễn Văn ")
          .append((char) ('A' + i % 26))
          .append(",1990-01-31,male,79034,")
          .append(jan1)
          .append(',')
          .append(jan1.plusYears(1).minusDays(1))
          .append(",4,DN\n");
    }
    new RegistryImporter(app.dataSource()).importCsv(new StringReader(csv.toString()), n -> {});
  }

  static List<String> patients(String base, String token, int count) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(base + "/fhir/Patient?_count=" + Math.min(count, 200)))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/fhir+json")
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    List<String> ids = new ArrayList<>();
    for (JsonNode entry : Json.mapper().readTree(r.body()).path("entry")) {
      ids.add(entry.at("/resource/id").asText());
    }
    if (ids.isEmpty()) {
      throw new IllegalStateException("no Patients to read: " + r.statusCode());
    }
    return ids;
  }
}
