package vn.bhyt.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.bhyt.config.ConfigLoader;
import vn.bhyt.config.GatewayConfig;

/**
 * Finds and reads the configuration file: {@code $GATEWAY_CONFIG}, else {@code
 * config/gateway.conf}.
 */
final class ConfigFiles {
  private ConfigFiles() {}

  static GatewayConfig load() throws IOException {
    String named = System.getenv("GATEWAY_CONFIG");
    Path file = Path.of(named == null || named.isBlank() ? "config/gateway.conf" : named);
    String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    if (named != null && !named.isBlank() && !Files.exists(file)) {
      throw new IOException("GATEWAY_CONFIG names a file that does not exist: " + file);
    }
    return ConfigLoader.load(text, System.getenv());
  }
}
