package vn.bhyt.fundsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Login, tokens and their expiry, through the real server. */
class LoginIT {
  static final String CARD = FundData.VALID;
  static final String NAME = "Nguyễn Thị Hoa";
  static final String BIRTH = "14/02/1988";

  private static FundSim start(TestClock clock, boolean http401) throws Exception {
    return FundSim.builder("79034_BV", "secret")
        .host("127.0.0.1")
        .clock(clock)
        .tokenLifetime(Duration.ofHours(1))
        .unauthorisedAsHttp401(http401)
        .start();
  }

  @Test
  void logsInWithJsonOrAFormAndAnswersWithAToken() throws Exception {
    TestClock clock = new TestClock(Instant.parse("2026-11-15T03:00:00Z"));
    try (FundSim sim = start(clock, false)) {
      FundClient fund = new FundClient(sim.url());
      FundClient.Answer json = fund.loginJson("79034_BV", "secret");
      assertThat(json.code()).isEqualTo("200");
      assertThat(json.body().path("APIKey").path("token_type").asText()).isEqualTo("Bearer");
      assertThat(json.body().path("APIKey").path("username").asText()).isEqualTo("79034_BV");
      assertThat(Instant.parse(json.body().path("APIKey").path("expires_in").asText()))
          .isEqualTo(Instant.parse("2026-11-15T04:00:00Z"));
      assertThat(fund.check2019(CARD, NAME, BIRTH).code()).isEqualTo("000");
      FundClient form = new FundClient(sim.url());
      assertThat(form.loginForm("79034_BV", Accounts.md5("secret")).code()).isEqualTo("200");
      assertThat(form.check2024(CARD, NAME, BIRTH, FundData.CLERK_NAME, FundData.CLERK_ID).code())
          .isEqualTo("000");
    }
  }

  @Test
  void refusesAWrongPasswordAWrongFacilityAndALockedAccount() throws Exception {
    TestClock clock = new TestClock(Instant.parse("2026-11-15T03:00:00Z"));
    try (FundSim sim = start(clock, false)) {
      FundClient fund = new FundClient(sim.url());
      FundClient.Answer wrong = fund.loginJson("79034_BV", "not the password");
      assertThat(wrong.status()).isEqualTo(200);
      assertThat(wrong.code()).isEqualTo("401");
      assertThat(fund.loginJson("01043_BV", "secret").code()).isEqualTo("402");
      sim.faults(Faults.none().withLocked(true));
      assertThat(fund.loginJson("79034_BV", "secret").code()).isEqualTo("403");
    }
  }

  @Test
  void anExpiredTokenIsA401InAnHttp200OrAnHttp401() throws Exception {
    for (boolean http401 : new boolean[] {false, true}) {
      TestClock clock = new TestClock(Instant.parse("2026-11-15T03:00:00Z"));
      try (FundSim sim = start(clock, http401)) {
        FundClient fund = new FundClient(sim.url());
        fund.loginJson("79034_BV", "secret");
        clock.advance(Duration.ofMinutes(59));
        assertThat(fund.check2019(CARD, NAME, BIRTH).code()).isEqualTo("000");
        clock.advance(Duration.ofMinutes(1));
        FundClient.Answer expired = fund.check2019(CARD, NAME, BIRTH);
        assertThat(expired.code()).isEqualTo("401");
        assertThat(expired.status()).isEqualTo(http401 ? 401 : 200);
        assertThat(fund.loginJson("79034_BV", "secret").code()).isEqualTo("200");
        assertThat(fund.check2019(CARD, NAME, BIRTH).code()).isEqualTo("000");
      }
    }
  }

  @Test
  void tokensCanDieBeforeTheirAnnouncedExpiry() throws Exception {
    TestClock clock = new TestClock(Instant.parse("2026-11-15T03:00:00Z"));
    try (FundSim sim = start(clock, false)) {
      sim.faults(Faults.none().withTokenLifetime(Duration.ofMinutes(10)));
      FundClient fund = new FundClient(sim.url());
      FundClient.Answer login = fund.loginJson("79034_BV", "secret");
      assertThat(Instant.parse(login.body().path("APIKey").path("expires_in").asText()))
          .isEqualTo(Instant.parse("2026-11-15T04:00:00Z"));
      clock.advance(Duration.ofMinutes(10));
      assertThat(fund.check2019(CARD, NAME, BIRTH).code()).isEqualTo("401");
    }
  }

  @Test
  void aNonAsciiPasswordIsTheMd5OfItsUtf8Bytes() throws Exception {
    TestClock clock = new TestClock(Instant.parse("2026-11-15T03:00:00Z"));
    try (FundSim sim =
        FundSim.builder("79034_BV", "Mật khẩu 2026").host("127.0.0.1").clock(clock).start()) {
      FundClient fund = new FundClient(sim.url());
      assertThat(fund.loginForm("79034_BV", "8237E89C00489342D900E8C396DB4E09").code())
          .isEqualTo("200");
      assertThat(fund.loginForm("79034_BV", Accounts.md5("Mat khau 2026")).code()).isEqualTo("401");
    }
  }

  @Test
  void codesCanComeAsNumbers() throws Exception {
    TestClock clock = new TestClock(Instant.parse("2026-11-15T03:00:00Z"));
    try (FundSim sim =
        FundSim.builder("79034_BV", "secret")
            .host("127.0.0.1")
            .clock(clock)
            .codesAsNumbers(true)
            .start()) {
      FundClient fund = new FundClient(sim.url());
      FundClient.Answer login = fund.loginJson("79034_BV", "secret");
      assertThat(login.body().path("maKetQua").isInt()).isTrue();
      assertThat(login.body().path("maKetQua").asInt()).isEqualTo(200);
      assertThat(fund.check2019(CARD, NAME, BIRTH).body().path("maKetQua").asText())
          .isEqualTo("000");
    }
  }
}
