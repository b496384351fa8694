package vn.bhyt.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bhyt.auth.Role;
import vn.bhyt.claims.intake.ClaimEnvelopes;
import vn.bhyt.config.ConfigLoader;
import vn.bhyt.fundsim.Faults;
import vn.bhyt.fundsim.FundSim;
import vn.bhyt.http.Json;
import vn.bhyt.persistence.TestDatabase;

/**
 * Forwarding claims to the simulated fund on a real port, from the gateway on another with a real
 * MariaDB: what may go reaches the fund once, however the fund fails, and its assessment comes
 * back.
 */
class ForwardingIT {
  static final String USER = "79034_BV";
  static final String PASSWORD = "Mật khẩu số 1";
  static final HttpClient http = HttpClient.newHttpClient();
  static TestDatabase db;
  static FundSim fund;
  static GatewayApp app;
  static String billing;
  static String admin;
  static long seed = 7100;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create();
    fund =
        FundSim.builder(USER, PASSWORD)
            .host("127.0.0.1")
            .port(0)
            .assessmentDelay(Duration.ofMillis(500))
            .priceCeiling(new java.math.BigDecimal("150000")) // some lines are refused
            .start();
    app =
        GatewayApp.start(
            ConfigLoader.load(
                    "",
                    Map.of(
                        "GATEWAY_HTTP_PORT", "0",
                        "GATEWAY_FUND_URL", fund.url(),
                        "GATEWAY_FUND_USER", USER,
                        "GATEWAY_FUND_PASSWORD", PASSWORD,
                        "GATEWAY_FUND_BREAKER_WAIT", "PT0.5S",
                        "GATEWAY_FORWARDING_INTERVAL", "PT0.2S",
                        "GATEWAY_FORWARDING_READ_TIMEOUT", "PT1S",
                        "GATEWAY_FORWARDING_GIVE_UP_AFTER", "PT2M"))
                .withDb(db.config()));
    billing = app.tokens().create(Role.BILLING, "his-billing");
    admin = app.tokens().create(Role.ADMIN, "ops");
  }

  @AfterAll
  static void stop() {
    app.close();
    fund.close();
    db.close();
  }

  @AfterEach
  void noFaults() {
    fund.faults(Faults.none());
  }

  static HttpResponse<String> send(String method, String path, String token, byte[] body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Authorization", "Bearer " + token);
    if (body == null) {
      b.GET();
    } else {
      b.header("Content-Type", "application/xml")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode ok(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Json.mapper().readTree(r.body());
  }

  /** Submits generated visits: claim id by MA_LK, and their pre-assessment status. */
  static Map<String, String[]> submit(int visits) throws Exception {
    JsonNode answer =
        ok(send("POST", "/api/v1/claims", billing, ClaimEnvelopes.of(visits, 4, seed++).bytes()));
    Map<String, String[]> out = new HashMap<>();
    for (JsonNode c : answer.get("claims")) {
      out.put(
          c.get("maLk").asText(),
          new String[] {c.get("claimId").asText(), c.get("status").asText()});
    }
    return out;
  }

  static JsonNode forwarding(String claimId) throws Exception {
    return ok(send("GET", "/api/v1/claims/" + claimId, billing, null)).get("forwarding");
  }

  /** Waits until every claim's forwarding satisfies the condition. */
  static void await(Map<String, String[]> claims, Predicate<JsonNode> done, Duration within)
      throws Exception {
    long end = System.nanoTime() + within.toNanos();
    List<String> left = new ArrayList<>();
    while (true) {
      left.clear();
      for (Map.Entry<String, String[]> c : claims.entrySet()) {
        JsonNode f = forwarding(c.getValue()[0]);
        if (!done.test(f)) {
          left.add(c.getKey() + " " + f);
        }
      }
      if (left.isEmpty()) {
        return;
      }
      assertThat(System.nanoTime()).as("still waiting: %s", left).isLessThan(end);
      Thread.sleep(100);
    }
  }

  /** Waits until no claim of an earlier test is still on its way, so that sends can be counted. */
  static void nothingPending() throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (ok(send("GET", "/api/v1/forwarding?state=pending", billing, null)).get("claims").size()
        > 0) {
      assertThat(System.nanoTime()).as("earlier claims are sent").isLessThan(end);
      Thread.sleep(100);
    }
  }

  /** The ids of the claims a filtered list shows. */
  static List<String> listed(String filter) throws Exception {
    List<String> ids = new ArrayList<>();
    ok(send("GET", "/api/v1/claims?size=500&" + filter, billing, null))
        .get("claims")
        .forEach(c -> ids.add(c.get("claimId").asText()));
    return ids;
  }

  static double metric(String name) throws Exception {
    return Metrics.value(app.port(), name);
  }

  static Map<String, List<FundSim.Taken>> atTheFund() {
    return fund.transactions().stream().collect(Collectors.groupingBy(FundSim.Taken::maLk));
  }

  static Map<String, String[]> only(Map<String, String[]> claims, String status) {
    Map<String, String[]> out = new HashMap<>();
    claims.forEach(
        (k, v) -> {
          if (v[1].equals(status)) {
            out.put(k, v);
          }
        });
    return out;
  }

  /** Each claim at the fund in exactly one transaction, the one its forwarding names. */
  static void onceEach(Map<String, String[]> claims) throws Exception {
    Map<String, List<FundSim.Taken>> held = atTheFund();
    for (Map.Entry<String, String[]> c : claims.entrySet()) {
      assertThat(held.get(c.getKey())).as(c.getKey()).hasSize(1);
      assertThat(forwarding(c.getValue()[0]).get("transactionId").asText())
          .isEqualTo(held.get(c.getKey()).get(0).maGiaoDich());
    }
  }

  @Test
  void whatMayGoReachesTheFundOnceAndItsAssessmentComesBackWhatIsFlaggedIsHeld() throws Exception {
    Map<String, String[]> claims = submit(12);
    Map<String, String[]> accepted = only(claims, "accepted");
    Map<String, String[]> flagged = only(claims, "flagged");
    assertThat(accepted).as("the generator makes claims that may go").isNotEmpty();
    await(accepted, f -> f.get("state").asText().equals("assessed"), Duration.ofSeconds(30));
    onceEach(accepted);
    for (String[] c : accepted.values()) {
      JsonNode claim = ok(send("GET", "/api/v1/claims/" + c[0], billing, null));
      assertThat(claim.get("forwardedAt").isNull()).isFalse();
      assertThat(claim.get("forwarding").get("attempts").asInt()).isEqualTo(1);
      assertThat(claim.get("forwarding").get("sentAt").isNull()).isFalse();
      JsonNode assessment = claim.get("forwarding").get("assessment");
      assertThat(assessment.get("result").asText()).isIn("accepted", "partly-accepted", "rejected");
      assertThat(assessment.get("fundShareAsked").decimalValue())
          .as("the fund share the fund read is the one the gateway computed")
          .isEqualByComparingTo(claim.get("totals").get("fundShare").decimalValue());
      assertThat(assessment.get("errors").isArray()).isTrue();
    }
    int refused = 0;
    for (String[] c : accepted.values()) {
      refused += theFundsAdjudicationIsBesideTheGateways(c[0]);
    }
    assertThat(refused).as("the fund refused lines over its ceiling").isPositive();
    List<String> assessed = listed("forwarding=assessed");
    List<String> heldListed = listed("forwarding=held");
    for (String[] c : accepted.values()) {
      assertThat(assessed).contains(c[0]);
      assertThat(heldListed).doesNotContain(c[0]);
      String result = forwarding(c[0]).get("assessment").get("result").asText();
      assertThat(listed("fundResult=" + result)).contains(c[0]);
    }
    for (String[] c : flagged.values()) {
      assertThat(heldListed).contains(c[0]);
      assertThat(assessed).doesNotContain(c[0]);
    }
    for (String bad : List.of("forwarding=lost", "fundResult=paid", "fundResult=")) {
      HttpResponse<String> r = send("GET", "/api/v1/claims?" + bad, billing, null);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(r.body()).contains("GEN-0008");
    }
    assertThat(metric("forwarding_queue{state=\"assessed\"}"))
        .isGreaterThanOrEqualTo(accepted.size());
    assertThat(metric("forwarding_sends_total{outcome=\"taken\"}"))
        .isGreaterThanOrEqualTo(accepted.size());
    Map<String, List<FundSim.Taken>> held = atTheFund();
    for (Map.Entry<String, String[]> c : flagged.entrySet()) {
      assertThat(forwarding(c.getValue()[0]).get("state").asText()).isEqualTo("held");
      assertThat(held).doesNotContainKey(c.getKey());
    }
  }

  static final String FUND_ADJUDICATION =
      "https://fhir.bhyt-gateway.vn/CodeSystem/fund-adjudication";

  /**
   * The claim's ClaimResponse carries the fund's transaction, its totals and, on each line it
   * faulted, the amount it refused with its error code.
   *
   * @return how many lines the fund refused
   */
  static int theFundsAdjudicationIsBesideTheGateways(String claimId) throws Exception {
    JsonNode claim = ok(send("GET", "/api/v1/claims/" + claimId, billing, null));
    JsonNode forwarding = claim.get("forwarding");
    JsonNode assessment = forwarding.get("assessment");
    JsonNode r = ok(send("GET", "/fhir/ClaimResponse/" + claimId, billing, null));
    assertThat(r.get("identifier").get(0).get("value").asText())
        .isEqualTo(forwarding.get("transactionId").asText());
    assertThat(r.get("disposition").asText())
        .endsWith("the fund: " + assessment.get("result").asText());
    Map<String, java.math.BigDecimal> totals = new HashMap<>();
    for (JsonNode t : r.get("total")) {
      JsonNode coding = t.get("category").get("coding").get(0);
      if (coding.get("system").asText().equals(FUND_ADJUDICATION)) {
        totals.put(coding.get("code").asText(), t.get("amount").get("value").decimalValue());
      }
    }
    assertThat(totals.get("asked"))
        .isEqualByComparingTo(assessment.get("fundShareAsked").decimalValue());
    assertThat(totals.get("accepted"))
        .isEqualByComparingTo(assessment.get("fundShareAccepted").decimalValue());
    Map<String, java.math.BigDecimal> refusedByCode = new HashMap<>();
    for (JsonNode item : r.get("item")) {
      for (JsonNode a : item.get("adjudication")) {
        JsonNode coding = a.get("category").get("coding").get(0);
        if (coding.get("system").asText().equals(FUND_ADJUDICATION)) {
          assertThat(coding.get("code").asText()).isEqualTo("refused");
          refusedByCode.merge(
              a.get("reason").get("coding").get(0).get("code").asText(),
              a.get("amount").get("value").decimalValue(),
              java.math.BigDecimal::add);
        }
      }
    }
    Map<String, java.math.BigDecimal> expected = new HashMap<>();
    for (JsonNode e : assessment.get("errors")) {
      if (!e.get("line").isNull()) {
        expected.merge(
            e.get("code").asText(), e.get("amount").decimalValue(), java.math.BigDecimal::add);
      }
    }
    assertThat(refusedByCode.keySet()).isEqualTo(expected.keySet());
    expected.forEach((code, sum) -> assertThat(refusedByCode.get(code)).isEqualByComparingTo(sum));
    return assessment.get("errors").size();
  }

  @Test
  void aFundDownForAWhileGetsEverythingOnceWhenItIsBack() throws Exception {
    fund.faults(Faults.none().withOutage(true, List.of(), "503"));
    Map<String, String[]> accepted = only(submit(8), "accepted");
    Thread.sleep(1_500);
    for (String[] c : accepted.values()) {
      JsonNode f = forwarding(c[0]);
      assertThat(f.get("state").asText()).isEqualTo("pending");
      assertThat(f.get("lastError").isNull()).as("it says why it waits").isFalse();
    }
    fund.faults(Faults.none());
    await(accepted, f -> !f.get("state").asText().equals("pending"), Duration.ofSeconds(60));
    onceEach(accepted);
  }

  @Test
  void aFundThatTakesTheFileAndDropsTheAnswerHoldsItOnceAndIsNotSentItAgain() throws Exception {
    nothingPending();
    fund.faults(Faults.none().withDropAfterTake(1.0));
    long submissions = fund.received("guiHoSoXmlQD3176");
    Map<String, String[]> accepted = only(submit(6), "accepted");
    await(accepted, f -> !f.get("state").asText().equals("pending"), Duration.ofSeconds(60));
    onceEach(accepted);
    assertThat(fund.received("guiHoSoXmlQD3176") - submissions)
        .as("every answer was dropped: the look-up found each file, none was sent twice")
        .isEqualTo(accepted.size());
    assertThat(metric("forwarding_sends_total{outcome=\"reconciled\"}"))
        .isGreaterThanOrEqualTo(accepted.size());
  }

  @Test
  void theQueueIsListedByStateAndOnlyDeadOrRefusedClaimsAreSentAgain() throws Exception {
    Map<String, String[]> claims = submit(10);
    Map<String, String[]> flagged = only(claims, "flagged");
    JsonNode held = ok(send("GET", "/api/v1/forwarding?state=held&size=500", billing, null));
    List<String> listed = new ArrayList<>();
    held.get("claims")
        .forEach(
            c -> {
              assertThat(c.get("state").asText()).isEqualTo("held");
              listed.add(c.get("claimId").asText());
            });
    for (String[] c : flagged.values()) {
      assertThat(listed).contains(c[0]);
    }
    assertThat(send("GET", "/api/v1/forwarding?state=lost", billing, null).statusCode())
        .isEqualTo(400);
    if (!flagged.isEmpty()) {
      String id = flagged.values().iterator().next()[0];
      HttpResponse<String> r =
          send("POST", "/api/v1/forwarding/" + id + "/retry", admin, new byte[0]);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
      assertThat(r.body()).contains("CLM-0015");
      assertThat(
              send("POST", "/api/v1/forwarding/" + id + "/retry", billing, new byte[0])
                  .statusCode())
          .as("admin only")
          .isEqualTo(403);
    }
    assertThat(
            send("POST", "/api/v1/forwarding/01JZZZZZZZZZZZZZZZZZZZZZZZ/retry", admin, new byte[0])
                .statusCode())
        .isEqualTo(404);
  }
}
