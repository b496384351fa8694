package vn.bhyt.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.bhyt.auth.Role;
import vn.bhyt.gateway.GatewayApp;
import vn.bhyt.persistence.TestDatabase;

/**
 * Reception under saturating mixed load: card checks (JSON QR bodies over 2,000 cards), check-ins
 * (each a new card, so a new Patient and Coverage) and FHIR Patient reads at the same time, against
 * the gateway in this JVM on a throwaway MariaDB, while another client asks {@code GET
 * /health/ready} every half second. Prints each load's figures with its answers by status, the
 * audit records spilled to disk and refused (from {@code /metrics}), and the readiness answers by
 * status. Arguments, all optional: connections per load (30), warm-up seconds (10), measured
 * seconds (60).
 */
public final class MixedLoad {
  private static final Pattern METRIC =
      Pattern.compile(
          "^(audit_spilled_total|audit_refused_total)\\S* ([0-9.E+]+)$", Pattern.MULTILINE);

  private MixedLoad() {}

  public static void main(String[] args) throws Exception {
    int connections = BareEndpointLoad.intArg(args, 0, 30);
    Duration warmUp = Duration.ofSeconds(BareEndpointLoad.intArg(args, 1, 10));
    Duration measured = Duration.ofSeconds(BareEndpointLoad.intArg(args, 2, 60));
    try (TestDatabase db = TestDatabase.create();
        GatewayApp app = GatewayApp.start(BenchConfig.of(db))) {
      VisitLoad.seed(app);
      List<String> scans = GatewayLoad.seed(app);
      String token = app.tokens().create(Role.RECEPTION, "load");
      String base = "http://127.0.0.1:" + app.port();
      List<String> patients = patientsAfterSomeCheckIns(base, token);
      AtomicLong next = new AtomicLong(1_000);
      Supplier<byte[]> checkIn = () -> VisitLoad.body(next.getAndIncrement() % 200_000);
      Map<String, LoadSpec> loads =
          Map.of(
              "card checks",
              LoadSpec.post(
                  URI.create(base + "/api/v1/cards/verify"),
                  "application/json",
                  LoadSpec.rotating(scans)),
              "check-ins",
              LoadSpec.post(URI.create(base + "/api/v1/visits"), "application/json", checkIn),
              "FHIR reads",
              LoadSpec.get(URI.create(base + "/fhir/Patient/" + patients.get(0)))
                  .withPaths(patients.stream().map(id -> "/fhir/Patient/" + id).toList())
                  .withHeader("Accept", "application/fhir+json"));
      Map<String, Long> before = audit(base);
      AtomicBoolean running = new AtomicBoolean(true);
      Map<Integer, Long> readiness = new TreeMap<>();
      ExecutorService threads = Executors.newCachedThreadPool();
      CompletableFuture<Void> probe =
          CompletableFuture.runAsync(() -> probeReadiness(base, running, readiness), threads);
      Map<String, CompletableFuture<LoadResult>> runs = new TreeMap<>();
      loads.forEach(
          (name, spec) ->
              runs.put(
                  name,
                  CompletableFuture.supplyAsync(
                      () ->
                          run(
                              spec.withHeader("Authorization", "Bearer " + token)
                                  .withConnections(connections)
                                  .withWarmUp(warmUp)
                                  .withDuration(measured)),
                      threads)));
      runs.forEach(
          (name, run) ->
              System.out.printf(Locale.ROOT, "%-12s %s%n", name + ":", run.join().format()));
      running.set(false);
      probe.join();
      threads.shutdown();
      Map<String, Long> after = audit(base);
      System.out.printf(
          Locale.ROOT,
          "audit records spilled to disk: %d, refused: %d; /health/ready answers by status: %s%n",
          after.get("audit_spilled_total") - before.get("audit_spilled_total"),
          after.get("audit_refused_total") - before.get("audit_refused_total"),
          readiness);
    }
    System.out.println(BareEndpointLoad.machine());
  }

  private static LoadResult run(LoadSpec spec) {
    try {
      return LoadDriver.run(spec);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Some check-ins first, so that there are Patients to read. */
  private static List<String> patientsAfterSomeCheckIns(String base, String token)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < 200; i++) {
      http.send(
          HttpRequest.newBuilder(URI.create(base + "/api/v1/visits"))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(VisitLoad.body(i)))
              .build(),
          HttpResponse.BodyHandlers.discarding());
    }
    return VisitLoad.patients(base, token, 200);
  }

  private static void probeReadiness(
      String base, AtomicBoolean running, Map<Integer, Long> counts) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create(base + "/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    while (running.get()) {
      int status;
      try {
        status = http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (Exception e) {
        status = 0;
      }
      synchronized (counts) {
        counts.merge(status, 1L, Long::sum);
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static Map<String, Long> audit(String base) throws Exception {
    String text =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Map<String, Long> values =
        new TreeMap<>(Map.of("audit_spilled_total", 0L, "audit_refused_total", 0L));
    Matcher m = METRIC.matcher(text);
    while (m.find()) {
      values.put(m.group(1), (long) Double.parseDouble(m.group(2)));
    }
    return values;
  }
}
