package vn.bhyt.fundsim;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The simulated fund logs its port, request ids, endpoints and codes; never cards or names. */
class LoggedContentIT {
  @Test
  void logsNoCardNumberNameOrFile() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger("vn.bhyt.fundsim");
    ListAppender<ILoggingEvent> seen = new ListAppender<>();
    seen.start();
    logger.addAppender(seen);
    try (FundSim sim =
        FundSim.builder("79034_BV", "secret")
            .host("127.0.0.1")
            .clock(new TestClock(Instant.parse("2026-11-15T03:00:00Z")))
            .start()) {
      FundClient fund = new FundClient(sim.url());
      fund.loginJson("79034_BV", "secret");
      fund.check2019(FundData.VALID, "Nguyễn Thị Hoa", "14/02/1988");
      fund.check2024(
          FundData.VALID, "Nguyễn Thị Hoa", "14/02/1988", FundData.CLERK_NAME, FundData.CLERK_ID);
      fund.submit(ClaimSubmissionIT.envelope(ClaimSubmissionIT.visit("LK0500").build()));
      List<String> lines = seen.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
      assertThat(lines).contains("fund-sim listening on port " + sim.port());
      assertThat(lines).anyMatch(l -> l.matches("fs-\\d+ POST KQNhanLichSuKCB2019: 000"));
      assertThat(String.join("\n", lines))
          .doesNotContain(FundData.VALID)
          .doesNotContain("4899000001")
          .doesNotContain("Hoa")
          .doesNotContain("Kiểm")
          .doesNotContain(FundData.CLERK_ID)
          .doesNotContain("LK0500")
          .doesNotContain("secret")
          .doesNotContain(Accounts.md5("secret"));
    } finally {
      logger.detachAppender(seen);
    }
  }
}
