package vn.bhyt.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** What a gateway's {@code /metrics} says, read as a scraper reads it. */
final class Metrics {
  private static final HttpClient http = HttpClient.newHttpClient();

  private Metrics() {}

  /**
   * The value of a metric: by its name alone (the first series of it), or by its name and labels,
   * {@code forwarding_sends_total{outcome="taken"}}, which match a series with those labels first.
   */
  static double value(int port, String name) throws Exception {
    String body =
        http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    String series = name.endsWith("}") ? name.substring(0, name.length() - 1) + "," : name + "{";
    for (String line : body.split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(series)) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    throw new AssertionError("no metric " + name + " in " + body);
  }
}
