package vn.bhyt.verifier.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.bhyt.config.Secret;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.domain.Sex;
import vn.bhyt.verifier.rules.Clerk;
import vn.bhyt.verifier.rules.FundAnswer;
import vn.bhyt.verifier.rules.FundCard;

/** The fund client against a fund written from reference section 7 alone, on a real port. */
class FundHttpClientTest {
  static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");
  Section7Fund fund;
  MovableClock clock;
  FundHttpClient client;

  @BeforeEach
  void start() throws Exception {
    fund = new Section7Fund();
    clock = new MovableClock(NOW);
    client = client(Section7Fund.PASSWORD, Duration.ofSeconds(2), Duration.ofMillis(300));
  }

  @AfterEach
  void stop() {
    fund.close();
  }

  private FundHttpClient client(String password, Duration read, Duration breakerWait) {
    return new FundHttpClient(
        fund.url(),
        Section7Fund.USER,
        new Secret(password),
        Duration.ofSeconds(1),
        read,
        breakerWait,
        clock);
  }

  private FundAnswer check(String card) {
    return client
        .check(card, "Nguyễn Văn An", PartialDate.of(LocalDate.of(1990, 1, 31)), null)
        .join();
  }

  private static FundUnavailableException.Reason failure(CompletableFuture<?> call) {
    Throwable t = catchThrowable(call::join);
    assertThat(t).isInstanceOf(CompletionException.class);
    assertThat(t.getCause()).isInstanceOf(FundUnavailableException.class);
    return ((FundUnavailableException) t.getCause()).reason();
  }

  @Test
  void logsInWithTheMd5OfTheUtf8PasswordAndReadsEveryFieldOfTheAnswer() {
    FundAnswer a = check(Section7Fund.CARD);

    assertThat(FundHttpClient.md5("Mật khẩu-79034"))
        .as("upper-case hex MD5 of the UTF-8 bytes, as computed elsewhere")
        .isEqualTo("E77A684E852E2A6143BC6D79C03007A6");
    assertThat(a.resultCode()).isEqualTo("000");
    assertThat(a.note()).isEqualTo("Thông tin thẻ chính xác");
    FundCard card = a.card();
    assertThat(card).isNotNull();
    assertThat(card.number()).isEqualTo(Section7Fund.CARD);
    assertThat(card.name()).isEqualTo("Nguyễn Văn An");
    assertThat(card.birthDate()).isEqualTo(PartialDate.of(LocalDate.of(1990, 1, 31)));
    assertThat(card.sex()).isEqualTo(Sex.MALE);
    assertThat(card.validFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(card.validTo()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(card.fiveYearsFrom()).isEqualTo(LocalDate.of(2030, 1, 1));
    assertThat(card.ssn()).isEqualTo("7912345678");
    assertThat(card.livingArea()).as("empty is unknown").isNull();
    assertThat(card.newNumber()).isNull();
    assertThat(a.history()).hasSize(1);
    assertThat(a.history().get(0).facility()).isEqualTo("48001");
    assertThat(fund.checkFields.get(0))
        .containsEntry("maThe", Section7Fund.CARD)
        .containsEntry("hoTen", "Nguyễn Văn An")
        .containsEntry("ngaySinh", "31/01/1990");
  }

  @Test
  void aYearOnlyBirthDateIsSentAsTheYear() {
    client.check(Section7Fund.CARD, "Nguyễn Văn An", PartialDate.ofYear(1990), null).join();
    assertThat(fund.checkFields.get(0)).containsEntry("ngaySinh", "1990");
  }

  @Test
  void anUnknownCardIsTheFundsAnswerNotAFailure() {
    FundAnswer a = check("HS4010000000001");
    assertThat(a.resultCode()).isEqualTo("050");
    assertThat(a.card()).as("maThe empty").isNull();
  }

  @Test
  void oneLoginServesEveryCheckUntilShortlyBeforeTheTokenExpires() {
    fund.expiresIn = NOW.plus(Duration.ofMinutes(10));
    for (int i = 0; i < 5; i++) {
      check(Section7Fund.CARD);
    }
    assertThat(fund.logins.get()).isEqualTo(1);
    clock.set(NOW.plus(Duration.ofMinutes(9)).plusSeconds(45));
    check(Section7Fund.CARD);
    assertThat(fund.logins.get()).as("renewed within the margin before expires_in").isEqualTo(2);
  }

  @Test
  void concurrentChecksWithoutATokenLogInOnce() {
    List<CompletableFuture<FundAnswer>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(client.check(Section7Fund.CARD, "Nguyễn Văn An", PartialDate.ofYear(1990), null));
    }
    calls.forEach(CompletableFuture::join);
    assertThat(fund.logins.get()).isEqualTo(1);
  }

  @Test
  void aTokenRefusedAsHttp401IsRenewedOnceAndTheCallRepeated() {
    check(Section7Fund.CARD);
    fund.refuseTokens.set(1);
    fund.refuseAsHttp401 = true;
    assertThat(check(Section7Fund.CARD).resultCode()).isEqualTo("000");
    assertThat(fund.logins.get()).isEqualTo(2);
  }

  @Test
  void aTokenRefusedAsANumeric401InAnHttp200IsRenewedOnceToo() {
    check(Section7Fund.CARD);
    fund.refuseTokens.set(1);
    fund.refuseAsHttp401 = false;
    assertThat(check(Section7Fund.CARD).resultCode()).isEqualTo("000");
    assertThat(fund.logins.get()).isEqualTo(2);
  }

  @Test
  void aFreshTokenRefusedAgainIsALoginFailureNotALoop() {
    fund.refuseTokens.set(100);
    assertThat(
            failure(
                client.check(Section7Fund.CARD, "Nguyễn Văn An", PartialDate.ofYear(1990), null)))
        .isEqualTo(FundUnavailableException.Reason.LOGIN_REFUSED);
    assertThat(fund.logins.get()).isEqualTo(2);
    assertThat(fund.checks.get()).isEqualTo(2);
  }

  @Test
  void aWrongPasswordIsRefusedAtLogin() {
    client = client("wrong", Duration.ofSeconds(2), Duration.ofMillis(300));
    assertThat(failure(client.check(Section7Fund.CARD, null, null, null)))
        .isEqualTo(FundUnavailableException.Reason.LOGIN_REFUSED);
    assertThat(fund.checks.get()).isZero();
  }

  @Test
  void theCheckOf2024CarriesTheClerkAndItsRefusalsAreAnswers() {
    Clerk clerk = new Clerk("Trần Thị Bình", "012345678901");
    FundAnswer ok =
        client.check(Section7Fund.CARD, "Nguyễn Văn An", PartialDate.ofYear(1990), clerk).join();
    assertThat(ok.resultCode()).isEqualTo("000");
    assertThat(fund.checkFields.get(0))
        .containsEntry("hoTenCb", "Trần Thị Bình")
        .containsEntry("cccdCb", "012345678901")
        .containsEntry("maThe", Section7Fund.CARD);
    fund.clerkCitizenId = "999999999999";
    assertThat(
            client
                .check(Section7Fund.CARD, "Nguyễn Văn An", PartialDate.ofYear(1990), clerk)
                .join()
                .resultCode())
        .isEqualTo("054");
  }

  @Test
  void aSlowFundIsATimeout() {
    client = client(Section7Fund.PASSWORD, Duration.ofMillis(200), Duration.ofSeconds(30));
    check(Section7Fund.CARD);
    fund.delayMillis = 1_500;
    assertThat(failure(client.check(Section7Fund.CARD, null, null, null)))
        .isEqualTo(FundUnavailableException.Reason.TIMEOUT);
  }

  @Test
  void afterRepeatedFailuresTheFundIsNotAskedUntilAProbeFindsItBack() throws Exception {
    check(Section7Fund.CARD);
    fund.failWithStatus = 503;
    for (int i = 0; i < 3; i++) {
      assertThat(failure(client.check(Section7Fund.CARD, null, null, null)))
          .as("failures 1-3 of the first four calls")
          .isEqualTo(FundUnavailableException.Reason.FAILED);
    }
    int asked = fund.checks.get();
    for (int i = 0; i < 50; i++) {
      assertThat(failure(client.check(Section7Fund.CARD, null, null, null)))
          .isEqualTo(FundUnavailableException.Reason.CIRCUIT_OPEN);
    }
    assertThat(fund.checks.get()).as("an open circuit asks nothing").isEqualTo(asked);
    assertThat(client.circuit()).isEqualTo("OPEN");

    fund.failWithStatus = 0;
    FundAnswer back = null;
    for (int i = 0; i < 200 && back == null; i++) {
      Thread.sleep(20);
      try {
        back = check(Section7Fund.CARD);
      } catch (CompletionException e) {
        assertThat(e.getCause()).isInstanceOf(FundUnavailableException.class);
      }
    }
    assertThat(back).as("a probe after the breaker's wait").isNotNull();
    assertThat(client.circuit()).isEqualTo("CLOSED");
  }

  @Test
  void aFundThatIsNotListeningFailsWithoutAnAnswer() {
    fund.close();
    assertThat(failure(client.check(Section7Fund.CARD, null, null, null)))
        .isIn(FundUnavailableException.Reason.FAILED, FundUnavailableException.Reason.TIMEOUT);
  }

  @Test
  void resultCodesAsNumbersOrStringsAreTheSame() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper m =
        new com.fasterxml.jackson.databind.ObjectMapper();
    assertThat(FundJson.code(m.readTree("{\"maKetQua\":0}"))).isEqualTo("000");
    assertThat(FundJson.code(m.readTree("{\"maKetQua\":\"000\"}"))).isEqualTo("000");
    assertThat(FundJson.code(m.readTree("{\"maKetQua\":200}"))).isEqualTo("200");
    assertThat(FundJson.code(m.readTree("{\"maKetQua\":\"4\"}"))).isEqualTo("004");
    assertThat(FundJson.code(m.readTree("{}"))).isNull();
  }

  /** A clock a test moves. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void set(Instant at) {
      now = at;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
