package vn.bhyt.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bhyt.auth.Role;
import vn.bhyt.config.ConfigLoader;
import vn.bhyt.config.GatewayConfig;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.fundsim.Faults;
import vn.bhyt.fundsim.FundData;
import vn.bhyt.fundsim.FundSim;
import vn.bhyt.http.Json;
import vn.bhyt.persistence.TestDatabase;
import vn.bhyt.verifier.registry.RegistryImporter;

/**
 * Card checks that ask the fund: the gateway on a real port and a real MariaDB, the simulated fund
 * on another port speaking the fund's API, its account's password not ASCII.
 */
class FundConnectionIT {
  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  static final LocalDate TODAY = LocalDate.now(ZONE);
  static final FacilityCode HERE = new FacilityCode("79034");
  static final String USER = "79034_BV";
  static final String PASSWORD = "Mật khẩu số 1";
  static final String CHECK = "KQNhanLichSuKCB2019";
  static final HttpClient http = HttpClient.newHttpClient();
  static TestDatabase db;
  static FundSim fund;
  static GatewayApp app;
  static String reception;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create();
    fund =
        FundSim.builder(USER, PASSWORD)
            .host("127.0.0.1")
            .port(0)
            .zone(ZONE)
            .registry(new StringReader(FundData.csv(11, 20, HERE, TODAY)))
            .start();
    GatewayConfig config =
        ConfigLoader.load(
                "",
                Map.of(
                    "GATEWAY_HTTP_PORT", "0",
                    "GATEWAY_FUND_URL", fund.url(),
                    "GATEWAY_FUND_USER", USER,
                    "GATEWAY_FUND_PASSWORD", PASSWORD,
                    "GATEWAY_FUND_CHECK_TIMEOUT", "PT0.5S",
                    "GATEWAY_FUND_READ_TIMEOUT", "PT2S",
                    "GATEWAY_FUND_BREAKER_WAIT", "PT1S"))
            .withDb(db.config());
    app = GatewayApp.start(config);
    reception = app.tokens().create(Role.RECEPTION, "desk-1");
    String[] warmUp = card(0); // logs in, and warms the gateway up
    for (int i = 0; i < 20; i++) {
      check(warmUp[2], warmUp[0], warmUp[1]);
    }
  }

  @AfterAll
  static void stop() {
    app.close();
    fund.close();
    db.close();
  }

  /** No faults, and the fund asked again: a breaker a test opened has let a probe through. */
  @AfterEach
  void noFaults() throws Exception {
    fund.faults(Faults.none());
    String[] probe = card(1);
    for (int i = 0; metric("fund_circuit_open") > 0; i++) {
      assertThat(i).as("the breaker closes again").isLessThan(50);
      Thread.sleep(100);
      check(probe[2], probe[0] + i, probe[1]); // another question each time: asked again
    }
  }

  static JsonNode check(String number, String name, String birth) throws Exception {
    return check(reception, number, name, birth);
  }

  static JsonNode check(String token, String number, String name, String birth) throws Exception {
    String body =
        Json.mapper()
            .createObjectNode()
            .put("cardNumber", number)
            .put("name", name)
            .put("birthDate", birth)
            .toString();
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + "/api/v1/cards/verify"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Json.mapper().readTree(r.body());
  }

  static List<String> reasons(JsonNode answer) {
    return StreamSupport.stream(answer.get("reasons").spliterator(), false)
        .map(r -> r.get("code").asText())
        .collect(Collectors.toList());
  }

  @Test
  void everyKindOfCardTheFundKnowsIsAnsweredByTheFund() throws Exception {
    String child = TODAY.minusYears(3).toString();
    String[][] cases = {
      {"QN5484899000002", "Dương Văn Quân", "1992-05-01", "001", "warning"},
      {"CA5484899000003", "Lý Thị Công", "1990-07-20", "002", "warning"},
      {"GD4484899000004", "Võ Văn Đổi", "1970-03-03", "003", "warning"},
      {"HC4484899000005", "Phạm Thị Mới", "1985-12-12", "004", "valid"},
      {"DN4484899000006", "Lê Văn Hết", "1979-09-09", "010", "invalid"},
      {"DN4484899000099", "Ai Đó", "1979-09-09", "050", "invalid"},
      {"HS4484899000013", "Trần Thị Thu", "2009", "110", "invalid"},
      {"HC4484899000120", "Phạm Văn Giảm", "1975-04-01", "120", "invalid"},
      {"HC4484899000121", "Phạm Văn Giảm", "1975-04-02", "121", "invalid"},
      {"HC4484899000124", "Phạm Văn Giảm", "1975-04-05", "124", "invalid"},
      {"TE1484899000030", "Hoàng Bé Na", child, "130", "warning"},
      // a name or birth date that differs, each on a card not checked before
      {card(9)[2], card(9)[0] + " Thị", card(9)[1], "061", "warning"},
      {card(10)[2], "Ưng Văn Khác", card(10)[1], "060", "invalid"},
      {card(11)[2], card(11)[0], "1901", "070", "invalid"},
    };
    for (String[] c : cases) {
      JsonNode a = check(c[0], c[1], c[2]);
      String as = String.join(" ", c) + ": " + a;
      assertThat(a.get("source").asText()).as(as).isEqualTo("fund");
      assertThat(a.get("result").asText()).as(as).isEqualTo(c[3]);
      assertThat(a.get("outcome").asText()).as(as).isEqualTo(c[4]);
    }
    JsonNode replaced = check("GD4484899000004", "Võ Văn Đổi", "1970-03-03");
    assertThat(replaced.at("/card/replacedBy").asText()).isEqualTo("4899000004");
  }

  @Test
  void aFundErrorLeavesTheCardUnconfirmedAndSaysWhy() throws Exception {
    JsonNode a = check("DN4484899000011", "Đỗ Lỗi Máy", "1980-01-01");
    assertThat(a.get("outcome").asText()).isEqualTo("unconfirmed");
    assertThat(a.get("source").asText()).isEqualTo("card");
    assertThat(reasons(a)).contains("FUND_ERROR");
  }

  @Test
  void aVisitElsewhereTodayInTheFundsHistoryIsAWarning() throws Exception {
    JsonNode a = check(FundData.VALID, "Nguyễn Thị Hoa", "1988-02-14");
    assertThat(a.get("source").asText()).isEqualTo("fund");
    assertThat(a.get("result").asText()).isEqualTo("000");
    assertThat(a.get("outcome").asText()).isEqualTo("warning");
    assertThat(reasons(a)).contains("VISITED_ELSEWHERE_TODAY");
    assertThat(a.toString()).contains("79024");
  }

  @Test
  void theFundsAnswerRefreshesTheRegistrySoThatTheNextCheckDoesNotAskAgain() throws Exception {
    String[] person = card(3);
    String number = person[2];
    long before = fund.received(CHECK);
    JsonNode first = check(number, person[0], person[1]);
    assertThat(first.get("source").asText()).isEqualTo("fund");
    assertThat(fund.received(CHECK)).isEqualTo(before + 1);
    waitForRow(number);
    for (int i = 0; i < 3; i++) {
      JsonNode again = check(number, person[0], person[1]);
      assertThat(again.get("outcome").asText()).isEqualTo(first.get("outcome").asText());
    }
    assertThat(fund.received(CHECK)).as("asked once").isEqualTo(before + 1);
    JsonNode fromRegistry = check(number, person[0], person[1]);
    assertThat(fromRegistry.get("source").asText()).isEqualTo("registry");
    assertThat(fromRegistry.at("/card/name").asText()).isEqualTo(person[0]);
  }

  @Test
  void concurrentChecksOfOneCardMakeOneCall() throws Exception {
    String[] person = card(4);
    String number = person[2];
    fund.faults(Faults.none().withLatency(CHECK, Duration.ofMillis(300)));
    long before = fund.received(CHECK);
    List<CompletableFuture<JsonNode>> checks = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      checks.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return check(number, person[0], person[1]);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }));
    }
    for (CompletableFuture<JsonNode> c : checks) {
      assertThat(c.get().get("source").asText()).isEqualTo("fund");
    }
    assertThat(fund.received(CHECK)).isEqualTo(before + 1);
  }

  @Test
  void aSlowFundCostsReceptionOnlyItsBudgetAndItsLateAnswerStillRefreshesTheRegistry()
      throws Exception {
    String[] person = card(5);
    String number = person[2];
    fund.faults(Faults.none().withLatency(CHECK, Duration.ofMillis(800)));
    long start = System.nanoTime();
    JsonNode a = check(number, person[0], person[1]);
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(tookMs).as("answered before the fund's 800 ms").isLessThan(790);
    assertThat(a.get("outcome").asText()).isEqualTo("unconfirmed");
    assertThat(reasons(a)).contains("FUND_UNAVAILABLE");
    waitForRow(number);
    JsonNode later = check(number, person[0], person[1]);
    assertThat(later.get("source").asText()).isEqualTo("registry");
  }

  @Test
  void anOldRegistryRowIsCheckedAtTheFundAndAnswersAloneWhenTheFundIsDown() throws Exception {
    String number = "HC4484899000123"; // reduced at the fund
    new RegistryImporter(app.dataSource())
        .importCsv(
            new StringReader(
                "card_number,name,birth_date,valid_from,valid_to,status\n"
                    + number
                    + ",Phạm Văn Giảm,1975-04-04,"
                    + TODAY.withDayOfYear(1)
                    + ","
                    + TODAY.withDayOfYear(1).plusYears(1).minusDays(1)
                    + ",active\n"),
            n -> {});
    age(number, Duration.ofDays(2));
    fund.faults(Faults.none().withOutage(true, List.of(), "503"));
    JsonNode alone = check(number, "Phạm Văn Giảm", "1975-04-04");
    assertThat(alone.get("source").asText()).isEqualTo("registry");
    assertThat(alone.get("outcome").asText()).isEqualTo("valid");
    assertThat(reasons(alone)).contains("FUND_UNAVAILABLE_REGISTRY_USED");
    fund.faults(Faults.none());
    Thread.sleep(1_200); // the breaker may have opened: its wait is 1 s
    JsonNode asked = check(number, "Phạm Văn Giảm", "1975-04-04");
    assertThat(asked.get("source").asText()).isEqualTo("fund");
    assertThat(asked.get("result").asText()).isEqualTo("123");
    assertThat(asked.get("outcome").asText()).isEqualTo("invalid");
  }

  @Test
  void expiredTokensAreRenewedWithoutReceptionNoticing() throws Exception {
    String[] first = card(6);
    assertThat(check(first[2], first[0], first[1]).get("source").asText()).isEqualTo("fund");
    fund.expireTokens();
    String[] person = card(7);
    JsonNode a = check(person[2], person[0], person[1]);
    assertThat(a.get("source").asText()).isEqualTo("fund");
  }

  @Test
  void aDeadFundIsNoLongerAskedAfterAFewFailuresAndIsFoundBack() throws Exception {
    fund.faults(Faults.none().withOutage(true, List.of(), "close"));
    for (int i = 0; i < 6; i++) {
      JsonNode a = check("48980001" + (10 + i), "Ai Đó", "1980");
      assertThat(a.get("outcome").asText()).isEqualTo("unconfirmed");
    }
    assertThat(metric("fund_circuit_open")).isEqualTo(1.0);
    long asked = fund.received(CHECK);
    for (int i = 0; i < 5; i++) {
      assertThat(reasons(check("48980002" + (10 + i), "Ai Đó", "1980")))
          .contains("FUND_UNAVAILABLE");
    }
    assertThat(fund.received(CHECK)).as("not asked while the breaker is open").isEqualTo(asked);
    fund.faults(Faults.none());
    Thread.sleep(1_200);
    String[] person = card(8);
    String number = person[2];
    JsonNode back = check(number, person[0], person[1]);
    assertThat(back.get("source").asText()).isEqualTo("fund");
    assertThat(metric("fund_circuit_open")).isEqualTo(0.0);
  }

  @Test
  void aTokenWithAClerkChecksWithTheClerkAndTheClerksCodesSayWhatToDo() throws Exception {
    String clerk =
        app.tokens().create(Role.RECEPTION, "desk-2", FundData.CLERK_NAME, FundData.CLERK_ID);
    long before = fund.received("KQNhanLichSuKCB2024");
    String[] person = card(12);
    JsonNode a = check(clerk, person[2], person[0], person[1]);
    assertThat(a.get("source").asText()).isEqualTo("fund");
    assertThat(fund.received("KQNhanLichSuKCB2024")).isEqualTo(before + 1);

    String stranger = app.tokens().create(Role.RECEPTION, "desk-3", "Người Lạ", "012345678901");
    String[] other = card(13);
    JsonNode notRegistered = check(stranger, other[2], other[0], other[1]);
    assertThat(notRegistered.get("result").asText()).isEqualTo("054");
    assertThat(notRegistered.get("outcome").asText()).isEqualTo("unconfirmed");
    assertThat(reasons(notRegistered)).contains("CLERK_NOT_REGISTERED");
    assertThat(notRegistered.get("message").asText()).contains("CCCD");

    String misnamed =
        app.tokens().create(Role.RECEPTION, "desk-4", "Trần Văn Khác", FundData.CLERK_ID);
    JsonNode wrongName = check(misnamed, other[2], other[0], other[1]);
    assertThat(wrongName.get("result").asText()).isEqualTo("055");
    assertThat(reasons(wrongName)).contains("CLERK_NAME_MISMATCH");
  }

  @Test
  void aCheckInWithAClerksTokenAsksTheFundWithTheClerk() throws Exception {
    String clerk =
        app.tokens().create(Role.RECEPTION, "desk-6", FundData.CLERK_NAME, FundData.CLERK_ID);
    long before = fund.received("KQNhanLichSuKCB2024");
    String[] person = card(14);
    String body =
        Json.mapper()
            .createObjectNode()
            .put("cardNumber", person[2])
            .put("name", person[0])
            .put("birthDate", person[1])
            .put("department", "K01")
            .put("hisVisitKey", "LK-CLERK-1")
            .toString();
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/v1/visits"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + clerk)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    JsonNode answer = Json.mapper().readTree(r.body());
    assertThat(r.statusCode()).as(r.body()).isIn(201, 422);
    assertThat(answer.at("/check/source").asText()).isEqualTo("fund");
    assertThat(fund.received("KQNhanLichSuKCB2024")).isEqualTo(before + 1);
  }

  @Test
  void onlyAReceptionTokenNamesAClerkAndOnlyWithBothHisNameAndA12DigitCitizenId() {
    var tokens = app.tokens();
    assertThatThrownBy(() -> tokens.create(Role.BILLING, "his-2", "Trần Văn Kiểm", "048090000123"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tokens.create(Role.RECEPTION, "desk-5", "Trần Văn Kiểm", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tokens.create(Role.RECEPTION, "desk-5", "Trần Văn Kiểm", "04809"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The name, birth date and number of the i-th random card of the fund's data set. */
  static String[] card(int i) {
    String ssn = String.format("4898%06d", i);
    for (String line : FundData.csv(11, 20, HERE, TODAY).split("\n")) {
      String[] f = line.split(",", -1);
      if (f[0].endsWith(ssn)) {
        return new String[] {f[3], f[4], f[0]};
      }
    }
    throw new IllegalArgumentException("not in the fund's data set: " + ssn);
  }

  static void waitForRow(String number) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      try (Connection c = app.dataSource().getConnection();
          PreparedStatement ps =
              c.prepareStatement(
                  "SELECT fund_checked_at FROM registry_card WHERE card_number = ?")) {
        ps.setString(1, number);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next() && rs.getTimestamp(1) != null) {
            Thread.sleep(100); // the cache forgets the absent row just after the write
            return;
          }
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the registry has no row from the fund for the card");
  }

  static void age(String number, Duration by) throws Exception {
    try (Connection c = app.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE registry_card SET changed_at = changed_at - INTERVAL ? SECOND"
                    + " WHERE card_number = ?")) {
      ps.setLong(1, by.toSeconds());
      ps.setString(2, number);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }

  static double metric(String name) throws Exception {
    return Metrics.value(app.port(), name);
  }
}
