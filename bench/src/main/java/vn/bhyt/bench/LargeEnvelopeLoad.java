package vn.bhyt.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import vn.bhyt.auth.Role;
import vn.bhyt.claims.intake.ClaimEnvelopes;
import vn.bhyt.config.ConfigLoader;
import vn.bhyt.config.GatewayConfig;
import vn.bhyt.fhir.FhirValidation;
import vn.bhyt.gateway.GatewayApp;
import vn.bhyt.persistence.TestDatabase;

/**
 * Posts one large claim envelope ({@code POST /api/v1/claims}) to the gateway in this JVM on a
 * throwaway MariaDB and prints the time to its answer and the heap it took: the highest heap use
 * above the idle gateway's (sampled every 5 ms and taken before every collection), and the highest
 * use left after a collection (what the request kept live).
 *
 * <p>The envelope is generated into a temporary file and sent from it, so that the client holds
 * none of it: what the heap shows is the server's. Arguments, all optional: visits (7,550, about
 * 200 MB), lines per visit (20). Run with the heap to test, e.g. {@code -Xmx400m}.
 */
public final class LargeEnvelopeLoad {
  private LargeEnvelopeLoad() {}

  public static void main(String[] args) throws Exception {
    int visits = BareEndpointLoad.intArg(args, 0, 7_550);
    int lines = BareEndpointLoad.intArg(args, 1, 20);
    Path file = Files.createTempFile("envelope-", ".xml");
    try {
      try (OutputStream out = Files.newOutputStream(file)) {
        ClaimEnvelopes.of(visits, lines, 77).writeTo(out);
      }
      System.out.printf(
          "envelope of %d visits x %d lines, %.1f MB; heap limit %d MB%n",
          visits, lines, Files.size(file) / 1e6, Runtime.getRuntime().maxMemory() >> 20);
      run(file);
    } finally {
      Files.deleteIfExists(file);
    }
    System.out.println(BareEndpointLoad.machine());
  }

  private static void run(Path file) throws Exception {
    try (TestDatabase db = TestDatabase.create()) {
      GatewayConfig config =
          ConfigLoader.load("", Map.of("GATEWAY_HTTP_PORT", "0")).withDb(db.config());
      try (GatewayApp app = GatewayApp.start(config)) {
        FhirValidation.r4();
        String token = app.tokens().create(Role.BILLING, "load");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
          System.gc();
        }
        long idle = memory.getHeapMemoryUsage().getUsed();
        Peaks peaks = new Peaks();
        peaks.listen();
        Thread sampler = new Thread(() -> peaks.sample(memory), "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        HttpClient http = HttpClient.newHttpClient();
        long start = System.nanoTime();
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.port() + "/api/v1/claims"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/xml")
                    .timeout(Duration.ofMinutes(30))
                    .POST(HttpRequest.BodyPublishers.ofFile(file))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        System.out.printf(
            "answer %d after %.1f s; idle heap %d MB; heap peak %d MB above idle, highest after a"
                + " collection %d MB above idle; %d collections%n",
            r.statusCode(),
            seconds,
            idle >> 20,
            (Math.max(peaks.used.get(), peaks.beforeGc.get()) - idle) >> 20,
            (peaks.afterGc.get() - idle) >> 20,
            peaks.collections.get());
        if (r.statusCode() != 200) {
          System.out.println(r.body());
        }
      }
    }
  }

  /** The highest heap use seen. */
  private static final class Peaks {
    final AtomicLong used = new AtomicLong();
    final AtomicLong beforeGc = new AtomicLong();
    final AtomicLong afterGc = new AtomicLong();
    final AtomicLong collections = new AtomicLong();

    void sample(MemoryMXBean memory) {
      while (!Thread.currentThread().isInterrupted()) {
        used.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void listen() {
      Set<String> heap =
          ManagementFactory.getMemoryPoolMXBeans().stream()
              .filter(p -> p.getType() == MemoryType.HEAP)
              .map(MemoryPoolMXBean::getName)
              .collect(Collectors.toSet());
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        ((NotificationEmitter) gc)
            .addNotificationListener(
                (notification, handback) -> {
                  if (!notification
                      .getType()
                      .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                  }
                  var info =
                      GarbageCollectionNotificationInfo.from(
                          (CompositeData) notification.getUserData());
                  collections.incrementAndGet();
                  beforeGc.accumulateAndGet(
                      sum(info.getGcInfo().getMemoryUsageBeforeGc(), heap), Math::max);
                  afterGc.accumulateAndGet(
                      sum(info.getGcInfo().getMemoryUsageAfterGc(), heap), Math::max);
                },
                null,
                null);
      }
    }

    private static long sum(Map<String, MemoryUsage> pools, Set<String> heap) {
      return pools.entrySet().stream()
          .filter(e -> heap.contains(e.getKey()))
          .mapToLong(e -> e.getValue().getUsed())
          .sum();
    }
  }
}
