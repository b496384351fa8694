package vn.bhyt.fundsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A state file keeps the transactions across a restart. */
class StateFileIT {
  @TempDir Path dir;

  @Test
  void aRestartKeepsTheTransactions() throws Exception {
    TestClock clock = new TestClock(Instant.parse("2026-11-15T03:00:00Z"));
    Path state = dir.resolve("fund-state.json");
    byte[] file = ClaimSubmissionIT.envelope(ClaimSubmissionIT.visit("LK0400").build());
    String id;
    try (FundSim sim = start(clock, state)) {
      FundClient fund = new FundClient(sim.url());
      fund.loginJson("79034_BV", "secret");
      id = fund.submit(file).body().path("maGiaoDich").asText();
    }
    try (FundSim sim = start(clock, state)) {
      FundClient fund = new FundClient(sim.url());
      fund.loginJson("79034_BV", "secret");
      assertThat(fund.submit(file).body().path("maGiaoDich").asText()).isEqualTo(id);
      var held = fund.get("api/qd130/traCuuHoSo?maCSKCB=79034&maLk=LK0400").body().path("dsHoSo");
      assertThat(held).hasSize(1);
      byte[] other = ClaimSubmissionIT.envelope(ClaimSubmissionIT.visit("LK0401").seed(5).build());
      assertThat(fund.submit(other).body().path("maGiaoDich").asText()).isNotEqualTo(id);
    }
  }

  private static FundSim start(TestClock clock, Path state) throws Exception {
    return FundSim.builder("79034_BV", "secret")
        .host("127.0.0.1")
        .clock(clock)
        .state(state)
        .start();
  }
}
