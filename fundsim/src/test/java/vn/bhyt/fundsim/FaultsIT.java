package vn.bhyt.fundsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Each fault, through the real server; waits go to a recording sleeper, not the clock. */
class FaultsIT {
  static final String CARD = FundData.VALID;
  static final String NAME = "Nguyễn Thị Hoa";
  static final String BIRTH = "14/02/1988";

  final TestClock clock = new TestClock(Instant.parse("2026-11-15T03:00:00Z"));
  final List<Duration> slept = new CopyOnWriteArrayList<>();

  FundSim start(long seed) throws IOException {
    return FundSim.builder("79034_BV", "secret")
        .host("127.0.0.1")
        .clock(clock)
        .seed(seed)
        .sleeper(slept::add)
        .assessmentDelay(Duration.ZERO)
        .start();
  }

  FundClient loggedIn(FundSim sim) throws Exception {
    FundClient fund = new FundClient(sim.url());
    assertThat(fund.loginJson("79034_BV", "secret").code()).isEqualTo("200");
    return fund;
  }

  @Test
  void latencyIsPerEndpoint() throws Exception {
    try (FundSim sim = start(1)) {
      sim.faults(Faults.none().withLatency("KQNhanLichSuKCB2019", Duration.ofMillis(200)));
      FundClient fund = loggedIn(sim);
      assertThat(slept).isEmpty();
      assertThat(fund.check2019(CARD, NAME, BIRTH).code()).isEqualTo("000");
      assertThat(slept).containsExactly(Duration.ofMillis(200));
    }
  }

  @Test
  void anErrorRateAnswers5xxReproduciblyPerSeed() throws Exception {
    List<Integer> first = statuses(7);
    assertThat(first).contains(200, 503);
    assertThat(statuses(7)).isEqualTo(first);
    try (FundSim sim = start(1)) {
      FundClient fund = loggedIn(sim);
      sim.faults(Faults.none().withErrorRate(1, 500));
      assertThat(fund.check2019(CARD, NAME, BIRTH).status()).isEqualTo(500);
    }
  }

  private List<Integer> statuses(long seed) throws Exception {
    List<Integer> out = new ArrayList<>();
    try (FundSim sim = start(seed)) {
      FundClient fund = loggedIn(sim);
      sim.faults(Faults.none().withErrorRate(0.5, 503));
      for (int i = 0; i < 20; i++) {
        out.add(fund.check2019(CARD, NAME, BIRTH).status());
      }
    }
    return out;
  }

  @Test
  void aTimeoutHoldsTheConnectionThenClosesItUnanswered() throws Exception {
    try (FundSim sim = start(1)) {
      FundClient fund = loggedIn(sim);
      sim.faults(Faults.none().withTimeouts(1, Duration.ofSeconds(45)));
      assertThatThrownBy(() -> fund.check2019(CARD, NAME, BIRTH)).isInstanceOf(IOException.class);
      assertThat(slept).containsExactly(Duration.ofSeconds(45));
    }
  }

  @Test
  void aDroppedAnswerStillLeavesTheTransaction() throws Exception {
    try (FundSim sim = start(1)) {
      FundClient fund = loggedIn(sim);
      sim.faults(Faults.none().withDropAfterTake(1));
      byte[] file = ClaimSubmissionIT.envelope(ClaimSubmissionIT.visit("LK0300").build());
      assertThatThrownBy(() -> fund.submit(file)).isInstanceOf(IOException.class);
      sim.faults(Faults.none());
      var held = fund.get("api/qd130/traCuuHoSo?maCSKCB=79034&maLk=LK0300").body().path("dsHoSo");
      assertThat(held).hasSize(1);
      assertThat(fund.submit(file).body().path("maGiaoDich").asText())
          .isEqualTo(held.get(0).path("maGiaoDich").asText());
    }
  }

  @Test
  void anOutageAnswers503OrClosesAndAWindowEnds() throws Exception {
    try (FundSim sim = start(1)) {
      FundClient fund = loggedIn(sim);
      sim.faults(Faults.none().withOutage(true, List.of(), "503"));
      assertThat(fund.check2019(CARD, NAME, BIRTH).status()).isEqualTo(503);
      sim.faults(Faults.none().withOutage(true, List.of(), "close"));
      assertThatThrownBy(() -> fund.check2019(CARD, NAME, BIRTH)).isInstanceOf(IOException.class);
      Instant now = clock.instant();
      sim.faults(
          Faults.none()
              .withOutage(
                  false, List.of(new Faults.Outage(now, now.plus(Duration.ofMinutes(5)))), "503"));
      assertThat(fund.check2019(CARD, NAME, BIRTH).status()).isEqualTo(503);
      clock.advance(Duration.ofMinutes(5));
      assertThat(fund.check2019(CARD, NAME, BIRTH).code()).isEqualTo("000");
    }
  }

  @Test
  void overTheRateLimitTheFundAnswers500() throws Exception {
    try (FundSim sim = start(1)) {
      FundClient fund = loggedIn(sim);
      sim.faults(Faults.none().withRateLimit(2, Duration.ofMinutes(1)));
      assertThat(fund.check2019(CARD, NAME, BIRTH).code()).isEqualTo("000");
      assertThat(fund.check2019(CARD, NAME, BIRTH).code()).isEqualTo("000");
      FundClient.Answer over = fund.check2019(CARD, NAME, BIRTH);
      assertThat(over.status()).isEqualTo(200);
      assertThat(over.code()).isEqualTo("500");
      clock.advance(Duration.ofMinutes(1));
      assertThat(fund.check2019(CARD, NAME, BIRTH).code()).isEqualTo("000");
    }
  }

  @Test
  void theAdminEndpointListensOnLoopbackOnlyAndChangesTheFaults() throws Exception {
    try (FundSim sim = start(1)) {
      FundClient fund = loggedIn(sim);
      HttpClient http = HttpClient.newHttpClient();
      String admin = "http://127.0.0.1:" + sim.adminPort() + "/admin/";
      HttpResponse<String> put =
          http.send(
              HttpRequest.newBuilder(URI.create(admin + "faults"))
                  .PUT(
                      HttpRequest.BodyPublishers.ofString("{\"down\":true,\"outageMode\":\"503\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(put.statusCode()).isEqualTo(200);
      assertThat(fund.check2019(CARD, NAME, BIRTH).status()).isEqualTo(503);
      HttpResponse<String> bad =
          http.send(
              HttpRequest.newBuilder(URI.create(admin + "faults"))
                  .PUT(HttpRequest.BodyPublishers.ofString("{\"errorRate\":2}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(bad.statusCode()).isEqualTo(400);
      http.send(
          HttpRequest.newBuilder(URI.create(admin + "faults"))
              .PUT(HttpRequest.BodyPublishers.ofString("{}"))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      http.send(
          HttpRequest.newBuilder(URI.create(admin + "tokens/expire"))
              .POST(HttpRequest.BodyPublishers.noBody())
              .build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(fund.check2019(CARD, NAME, BIRTH).code()).isEqualTo("401");

      Optional<InetAddress> other = nonLoopbackAddress();
      Assumptions.assumeTrue(other.isPresent(), "this host has no non-loopback address");
      try (Socket s = new Socket()) {
        assertThatThrownBy(
                () -> s.connect(new InetSocketAddress(other.get(), sim.adminPort()), 2000))
            .isInstanceOf(IOException.class);
      }
    }
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
    for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!n.isUp() || n.isLoopback()) {
        continue;
      }
      for (InetAddress a : Collections.list(n.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
          return Optional.of(a);
        }
      }
    }
    return Optional.empty();
  }
}
