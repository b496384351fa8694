package vn.bhyt.fundsim;

import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin endpoint of the simulated fund, on its own port bound to the loopback address, and
 * refusing callers from elsewhere as well: {@code GET /admin/faults}, {@code PUT /admin/faults}
 * (JSON of {@link Faults}), {@code POST /admin/tokens/expire}.
 */
final class AdminRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(AdminRoutes.class);

  private final FundSim sim;

  AdminRoutes(FundSim sim) {
    this.sim = sim;
  }

  void handle(Exchange ex) {
    try {
      if (!ex.fromLoopback()) {
        ex.send(403, Map.of("thongDiep", "the admin endpoint answers loopback callers only"));
        return;
      }
      String path = ex.path();
      String method = ex.method();
      if (path.equals("/admin/faults") && method.equals("GET")) {
        ex.send(200, sim.faults());
      } else if (path.equals("/admin/faults") && method.equals("PUT")) {
        faults(ex);
      } else if (path.equals("/admin/tokens/expire") && method.equals("POST")) {
        sim.expireTokens();
        ex.send(200, Map.of("expired", true));
      } else {
        ex.send(404, Map.of("thongDiep", "no such admin endpoint"));
      }
      LOG.info("admin {} {}", method, path);
    } catch (IOException | RuntimeException e) {
      LOG.warn("admin call failed: {}", e.toString());
      ex.drop();
    }
  }

  private void faults(Exchange ex) throws IOException {
    Faults f;
    try {
      f = Faults.fromJson(ex.rawBody());
    } catch (IOException | IllegalArgumentException e) {
      ex.send(400, Map.of("thongDiep", "not a faults document: " + e.getMessage()));
      return;
    }
    sim.faults(f);
    ex.send(200, f);
  }
}
