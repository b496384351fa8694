package vn.bhyt.bench;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import vn.bhyt.auth.Role;
import vn.bhyt.claims.assessment.AssessmentContext;
import vn.bhyt.claims.assessment.Assessor;
import vn.bhyt.claims.assessment.ClaimReference;
import vn.bhyt.claims.assessment.RuleBook;
import vn.bhyt.claims.intake.ClaimEnvelopeReader;
import vn.bhyt.claims.intake.ClaimEnvelopes;
import vn.bhyt.config.ConfigLoader;
import vn.bhyt.config.GatewayConfig;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.FacilityLevel;
import vn.bhyt.fhir.FhirValidation;
import vn.bhyt.gateway.GatewayApp;
import vn.bhyt.persistence.TestDatabase;
import vn.bhyt.reference.ReferenceData;
import vn.bhyt.verifier.rules.Facility;

/**
 * Loads claims intake with generated envelopes and prints visits per second for each stage: reading
 * the envelope, reading and assessing it, and {@code POST /api/v1/claims} end to end (read, assess,
 * store in one transaction) against the gateway in this JVM on a throwaway MariaDB.
 *
 * <p>Arguments, all optional: envelopes (3), visits per envelope (1,000), lines per visit (20),
 * warm-up envelopes (5). The warm-up envelopes go first in each stage and are not counted, so that
 * the measured ones run compiled code, as in a gateway that has been up for a while; each envelope
 * has visits of its own (distinct {@code MA_LK}), so that every posted visit is assessed and stored
 * as a new claim. Posting starts once the FHIR validator, which the gateway loads in the background
 * at start-up, is loaded, so that its loading does not take the cores from the measured envelopes.
 */
public final class ClaimLoad {
  private ClaimLoad() {}

  public static void main(String[] args) throws Exception {
    int envelopes = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int visits = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    int lines = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    byte[][] bodies = new byte[warmUp + envelopes][];
    for (int i = 0; i < bodies.length; i++) {
      bodies[i] = ClaimEnvelopes.of(visits, lines, 1_000 + i).bytes();
    }
    System.out.printf(
        "%d envelopes of %d visits x %d lines, %.1f MB each, after %d to warm up%n",
        envelopes, visits, lines, bodies[0].length / 1e6, warmUp);
    System.out.println("read:          " + rate(visits, warmUp, envelopes, i -> read(bodies[i])));
    Assessor assessor =
        new Assessor(
            RuleBook.standard(ReferenceData.builtIn(), ClaimReference.builtIn(), Set.of()));
    System.out.println(
        "read, assess:  " + rate(visits, warmUp, envelopes, i -> assess(assessor, bodies[i])));
    try (TestDatabase db = TestDatabase.create()) {
      GatewayConfig config =
          ConfigLoader.load("", Map.of("GATEWAY_HTTP_PORT", "0")).withDb(db.config());
      try (GatewayApp app = GatewayApp.start(config)) {
        FhirValidation.r4();
        String token = app.tokens().create(Role.BILLING, "load");
        URI uri = URI.create("http://127.0.0.1:" + app.port() + "/api/v1/claims");
        HttpClient http = HttpClient.newHttpClient();
        System.out.println(
            "HTTP, stored:  "
                + rate(visits, warmUp, envelopes, i -> post(http, uri, token, bodies[i])));
      }
    }
    System.out.println(BareEndpointLoad.machine());
  }

  private interface Step {
    void run(int envelope) throws Exception;
  }

  /**
   * Runs the step on the warm-up envelopes, then on the others, and formats visits per second of
   * the others.
   */
  private static String rate(int visits, int warmUp, int envelopes, Step step) throws Exception {
    for (int i = 0; i < warmUp; i++) {
      step.run(i);
    }
    Duration cpu = CpuClock.used();
    Duration children = CpuClock.children();
    long start = System.nanoTime();
    for (int i = warmUp; i < warmUp + envelopes; i++) {
      step.run(i);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double counted = (double) visits * envelopes;
    return String.format(
        "%,.0f visits/s (%.2f s per envelope), cpu=%.0fus/visit (child processes %.0fus)",
        counted / seconds,
        seconds / envelopes,
        CpuClock.used().minus(cpu).toNanos() / 1e3 / counted,
        CpuClock.children().minus(children).toNanos() / 1e3 / counted);
  }

  private static void read(byte[] body) throws Exception {
    AtomicInteger n = new AtomicInteger();
    new ClaimEnvelopeReader().read(new ByteArrayInputStream(body), d -> n.incrementAndGet());
  }

  private static void assess(Assessor assessor, byte[] body) throws Exception {
    AssessmentContext context =
        AssessmentContext.of(
            new Facility(new FacilityCode("79034"), FacilityLevel.PROVINCIAL),
            LocalDate.of(2026, 11, 20));
    new ClaimEnvelopeReader()
        .read(new ByteArrayInputStream(body), d -> assessor.assess(d, context));
  }

  private static void post(HttpClient http, URI uri, String token, byte[] body) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("POST /api/v1/claims answered " + r.statusCode());
    }
  }
}
