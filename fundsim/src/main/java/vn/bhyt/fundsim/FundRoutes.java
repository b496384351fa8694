package vn.bhyt.fundsim;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one call to the fund's API: applies the faults (outage, latency, error rate, held
 * connections), checks the token and the rate limit, and hands the call to its endpoint.
 */
final class FundRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(FundRoutes.class);

  private final FundSim sim;
  private final FundApi api;

  FundRoutes(FundSim sim, FundApi api) {
    this.sim = sim;
    this.api = api;
  }

  void handle(Exchange ex) {
    String id = sim.nextRequestId();
    String endpoint = ex.endpoint();
    sim.receive(endpoint);
    String outcome;
    try {
      outcome = faulted(ex, endpoint);
      if (outcome == null) {
        outcome = route(ex, endpoint);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ex.drop();
      outcome = "interrupted";
    } catch (IOException | RuntimeException e) {
      LOG.error("{} {}: failed", id, endpoint, e);
      ex.drop();
      outcome = "failed";
    }
    LOG.info("{} {} {}: {}", id, ex.method(), endpoint, outcome);
  }

  /** The outcome when a fault answered the call, null when the call goes on. */
  private @Nullable String faulted(Exchange ex, String endpoint)
      throws IOException, InterruptedException {
    Faults f = sim.faults();
    if (sim.outNow()) {
      if (f.outageMode().equals("close")) {
        ex.drop();
        return "outage, closed";
      }
      ex.send(503, Map.of("thongDiep", "service unavailable"));
      return "outage, 503";
    }
    Duration delay = f.latencyOf(endpoint);
    if (!delay.isZero()) {
      sim.sleeper().sleep(delay);
    }
    if (sim.draw(f.errorRate())) {
      ex.send(f.errorStatus(), Map.of("thongDiep", "server error"));
      return "injected " + f.errorStatus();
    }
    if (sim.draw(f.timeoutRate())) {
      sim.sleeper().sleep(f.timeoutHold());
      ex.drop();
      return "held, closed";
    }
    return null;
  }

  private String route(Exchange ex, String endpoint) throws IOException {
    String path = ex.path();
    boolean post = ex.method().equals("POST");
    boolean get = ex.method().equals("GET");
    if (post && path.endsWith("/api/token/take")) {
      return api.login(ex);
    }
    boolean known =
        switch (endpoint) {
          case "KQNhanLichSuKCB2019",
              "KQNhanLichSuKCB2024",
              "guiHoSoXmlQD3176",
              "guiHoSoXmlQD4750" ->
              post && path.contains("/api/");
          case "traCuuHoSo", "nhanKetQuaGiamDinh" -> get && path.contains("/api/qd130/");
          default -> false;
        };
    if (!known) {
      ex.send(404, Map.of("maKetQua", sim.code("404"), "thongDiep", "no such endpoint"));
      return "404";
    }
    var token =
        sim.accounts()
            .authorise(
                first(ex.query("token"), ex.header("accessToken")),
                first(ex.query("id_token"), ex.header("tokenId")),
                ex.query("username"),
                first(ex.query("password"), ex.header("passwordHash")));
    if (token.isEmpty()) {
      return api.unauthorised(ex);
    }
    if (sim.overLimit(token.get().user())) {
      return api.tooMany(ex);
    }
    return switch (endpoint) {
      case "KQNhanLichSuKCB2019" -> api.check(ex, false);
      case "KQNhanLichSuKCB2024" -> api.check(ex, true);
      case "traCuuHoSo" -> api.lookUp(ex);
      case "nhanKetQuaGiamDinh" -> api.results(ex, sim.assessmentDelay());
      default -> api.submit(ex);
    };
  }

  private static @Nullable String first(@Nullable String a, @Nullable String b) {
    return a != null ? a : b;
  }
}
