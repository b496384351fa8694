package vn.bhyt.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.bhyt.auth.Role;
import vn.bhyt.gateway.GatewayApp;
import vn.bhyt.persistence.TestDatabase;

/**
 * Card checks over HTTP measured by {@code wrk} (the Debian package {@code wrk}), a client in its
 * own process, against the gateway in this JVM set up as {@link GatewayLoad} sets it up: a registry
 * of 10,000 cards, JSON QR bodies of 2,000 of them in turn, every check audited in MariaDB. Runs
 * {@code GET /health/live} (the kernel) and then the card checks, each after a warm-up of the same
 * length, and prints wrk's report. Arguments, all optional: connections (50), seconds (20), wrk's
 * threads (1).
 */
public final class WrkLoad {
  private WrkLoad() {}

  public static void main(String[] args) throws Exception {
    int connections = BareEndpointLoad.intArg(args, 0, 50);
    int seconds = BareEndpointLoad.intArg(args, 1, 20);
    int threads = BareEndpointLoad.intArg(args, 2, 1);
    Path dir = Files.createTempDirectory("wrk");
    Path script = dir.resolve("card-check.lua");
    try (InputStream in =
        Objects.requireNonNull(
            WrkLoad.class.getResourceAsStream("/wrk/card-check.lua"), "wrk/card-check.lua")) {
      Files.copy(in, script);
    }
    try (TestDatabase db = TestDatabase.create();
        GatewayApp app = GatewayApp.start(BenchConfig.of(db))) {
      List<String> bodies = GatewayLoad.seed(app);
      Path file = dir.resolve("bodies.txt");
      Files.write(file, bodies, StandardCharsets.UTF_8);
      String token = app.tokens().create(Role.RECEPTION, "load");
      String base = "http://127.0.0.1:" + app.port();
      for (boolean measured : new boolean[] {false, true}) {
        String label = measured ? "measured" : "warm-up";
        System.out.println("== kernel, GET /health/live, " + label);
        wrk(List.of(), base + "/health/live", connections, seconds, threads, file, token, measured);
        System.out.println("== card checks, " + label);
        wrk(
            List.of("-s", script.toString()),
            base,
            connections,
            seconds,
            threads,
            file,
            token,
            measured);
      }
    }
    System.out.println(BareEndpointLoad.machine());
  }

  private static void wrk(
      List<String> extra,
      String url,
      int connections,
      int seconds,
      int threads,
      Path bodies,
      String token,
      boolean print)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("wrk", "--latency"));
    command.addAll(List.of("-t" + threads, "-c" + connections, "-d" + seconds + "s"));
    command.addAll(extra);
    command.add(url);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("WRK_BODIES", bodies.toString());
    pb.environment().put("WRK_TOKEN", token);
    Process wrk;
    try {
      wrk = pb.start();
    } catch (IOException e) {
      throw new IOException("wrk is not installed: apt-get install wrk", e);
    }
    String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (wrk.waitFor() != 0) {
      throw new IOException("wrk failed:\n" + out);
    }
    if (print) {
      System.out.print(out);
    }
  }
}
