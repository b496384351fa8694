package vn.bhyt.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LoadDriverTest {

  @Test
  void loadsBareEndpointWithOnly200s() throws InterruptedException {
    try (BareEndpoint endpoint = BareEndpoint.start(0)) {
      LoadResult result = LoadDriver.run(shortRun(endpoint.uri("/")).withConnections(4));

      assertThat(result.requests()).isPositive();
      assertThat(result.statusCounts()).containsOnlyKeys(200).containsEntry(200, result.requests());
      assertThat(result.errors()).isZero();
      assertThat(result.timeouts()).isZero();
      assertThat(result.p50Ms()).isLessThanOrEqualTo(result.p99Ms());
      assertThat(result.p99Ms()).isLessThanOrEqualTo(result.maxMs());
    }
  }

  @Test
  void postsRotatingBodiesWithHeaders() throws InterruptedException {
    Supplier<byte[]> bodies = LoadSpec.rotating(List.of("{\"qr\":\"a\"}", "{\"qr\":\"b\"}"));
    try (BareEndpoint endpoint = BareEndpoint.start(0)) {
      LoadSpec spec =
          shortRun(endpoint.uri("/cards/check"))
              .withMethod("POST")
              .withHeader("Content-Type", "application/json")
              .withHeader("Authorization", "Bearer test")
              .withBody(bodies)
              .withConnections(2);

      LoadResult result = LoadDriver.run(spec);

      assertThat(result.requests()).isPositive();
      assertThat(result.statusCounts()).containsOnlyKeys(200);
    }
  }

  @Test
  void reconnectsWhenEachResponseClosesItsConnection() throws InterruptedException {
    try (BareEndpoint endpoint = BareEndpoint.start(0)) {
      LoadSpec spec =
          shortRun(endpoint.uri("/")).withHeader("Connection", "close").withConnections(2);

      LoadResult result = LoadDriver.run(spec);

      assertThat(result.requests()).isGreaterThan(2);
      assertThat(result.statusCounts()).containsOnlyKeys(200);
      assertThat(result.errors()).isZero();
    }
  }

  @Test
  void countsErrorsAndEndsWhenNothingListens() throws Exception {
    LoadResult result = LoadDriver.run(shortRun(URI.create("http://127.0.0.1:" + freePort())));

    assertThat(result.requests()).isZero();
    assertThat(result.errors()).isPositive();
  }

  @Test
  void countsTimeoutsWhenServerNeverAnswers() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      LoadSpec spec =
          shortRun(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/"))
              .withConnections(2)
              .withRequestTimeout(Duration.ofMillis(200));

      LoadResult result = LoadDriver.run(spec);

      assertThat(result.requests()).isZero();
      assertThat(result.timeouts()).isPositive();
    }
  }

  @Test
  void rejectsBadSpecs() {
    LoadSpec spec = LoadSpec.get(URI.create("http://127.0.0.1:8080/"));

    assertThatThrownBy(() -> spec.withConnections(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("connections: 0 (expected: >= 1)");
    assertThatThrownBy(() -> spec.withClientThreads(0))
        .hasMessage("clientThreads: 0 (expected: >= 1)");
    assertThatThrownBy(() -> spec.withDuration(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LoadSpec.get(URI.create("https://127.0.0.1:8443/")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LoadSpec.get(URI.create("http://example.invalid:8080/")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rotatesBodiesInTurn() {
    Supplier<byte[]> bodies = LoadSpec.rotating(List.of("a", "b"));

    assertThat(List.of(text(bodies), text(bodies), text(bodies))).containsExactly("a", "b", "a");
  }

  @Test
  void targetsPathAndQuery() {
    LoadSpec spec = LoadSpec.get(URI.create("http://127.0.0.1:8080/cards?x=1"));

    assertThat(spec.target()).isEqualTo("/cards?x=1");
    assertThat(spec.hostHeader()).isEqualTo("127.0.0.1:8080");
    assertThat(LoadSpec.get(URI.create("http://127.0.0.1:8080")).target()).isEqualTo("/");
  }

  @Test
  void pathsRotateOnTheSameHost() {
    LoadSpec spec =
        LoadSpec.get(URI.create("http://127.0.0.1:8080/x"))
            .withPaths(List.of("/fhir/Patient/a", "/fhir/Patient/b?_format=json"))
            .withConnections(3);

    assertThat(List.of(spec.target(), spec.target(), spec.target()))
        .containsExactly("/fhir/Patient/a", "/fhir/Patient/b?_format=json", "/fhir/Patient/a");
    assertThat(spec.hostHeader()).isEqualTo("127.0.0.1:8080");
  }

  private static LoadSpec shortRun(URI uri) {
    return LoadSpec.get(uri).withWarmUp(Duration.ofMillis(200)).withDuration(Duration.ofSeconds(1));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String text(Supplier<byte[]> bodies) {
    return new String(bodies.get(), StandardCharsets.UTF_8);
  }
}
