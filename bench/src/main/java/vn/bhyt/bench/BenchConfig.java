package vn.bhyt.bench;

import java.util.HashMap;
import java.util.Map;
import vn.bhyt.config.ConfigLoader;
import vn.bhyt.config.GatewayConfig;
import vn.bhyt.persistence.TestDatabase;

/**
 * The configuration of a gateway under load: the defaults, any {@code GATEWAY_*} environment
 * variable of this process (to try other pool or thread sizes), a free port and the throwaway
 * database with the configured pool size.
 */
final class BenchConfig {
  private BenchConfig() {}

  static GatewayConfig of(TestDatabase db) {
    Map<String, String> env = new HashMap<>();
    System.getenv()
        .forEach(
            (k, v) -> {
              if (k.startsWith("GATEWAY_")) {
                env.put(k, v);
              }
            });
    env.put("GATEWAY_HTTP_PORT", "0");
    GatewayConfig config = ConfigLoader.load("", env);
    GatewayConfig.Db throwaway = db.config();
    return config.withDb(
        new GatewayConfig.Db(
            throwaway.url(), throwaway.user(), throwaway.password(), config.db().poolSize()));
  }
}
