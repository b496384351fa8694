package vn.bhyt.claims.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bhyt.claims.assessment.Checks.CLAIMS;
import static vn.bhyt.claims.assessment.Checks.codes;
import static vn.bhyt.claims.assessment.Checks.run;
import static vn.bhyt.claims.assessment.Dossiers.CARD;
import static vn.bhyt.claims.assessment.Dossiers.FACILITY;
import static vn.bhyt.claims.assessment.Dossiers.aVisit;
import static vn.bhyt.claims.assessment.Dossiers.nothingKnown;
import static vn.bhyt.claims.assessment.Dossiers.service;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import vn.bhyt.claims.claim.ClaimDossier;

class DuplicateRulesTest {
  final Rule daily = new DailyLimitRule(CLAIMS.dailyLimits());
  final Rule history = new ClaimHistoryRule(CLAIMS);

  static Dossiers aStay() {
    return aVisit()
        .with("MA_LOAI_KCB", "03")
        .with("NGAY_VAO", "202603050800")
        .with("NGAY_RA", "202603100900")
        .with("SO_NGAY_DTRI", "5");
  }

  static PastClaim stay(String facility, String maLk, String in, String out) {
    return new PastClaim(
        facility, maLk, CARD, LocalDateTime.parse(in), LocalDateTime.parse(out), true);
  }

  @Test
  void oneConsultationOfACodeADay() {
    ClaimDossier d =
        aVisit()
            .withLine(service("02.03.1895", 13, "1", "39000").orderedAt("202603050830"))
            .withLine(service("02.14.1895", 13, "1", "39000").orderedAt("202603050900"))
            .withLine(service("02.03.1895", 13, "1", "39000").orderedAt("202603051000"))
            .build();
    assertThat(run(daily, d))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo("DAILY_LIMIT_EXCEEDED");
              assertThat(x.line()).isEqualTo(3);
              assertThat(x.field()).isEqualTo("MA_DICH_VU");
              assertThat(x.expected()).isEqualTo("at most 1 a day");
              assertThat(x.actual()).isEqualTo("2");
            });
  }

  @Test
  void theSameConsultationOnAnotherDayOrAnUnlimitedService() {
    ClaimDossier d =
        aStay()
            .withLine(service("02.03.1895", 13, "1", "39000").orderedAt("202603050830"))
            .withLine(service("02.03.1895", 13, "1", "39000").orderedAt("202603060830"))
            .withLine(service("22.0001", 1, "3", "20000").orderedAt("202603060830"))
            .withLine(service("22.0001", 1, "3", "20000").orderedAt("202603060930"))
            .build();
    assertThat(run(daily, d)).isEmpty();
  }

  @Test
  void aQuantityOverTheLimitOnOneLine() {
    ClaimDossier d = aVisit().withLine(service("02.03.1895", 13, "2", "39000")).build();
    assertThat(codes(run(daily, d))).containsExactly("DAILY_LIMIT_EXCEEDED");
  }

  @Test
  void anEmptyHistory() {
    assertThat(run(history, aStay().build())).isEmpty();
  }

  @Test
  void theSameKeyFromAnotherFacility() {
    InMemoryClaimHistory past =
        new InMemoryClaimHistory()
            .add(stay(FACILITY, "LK0001", "2026-03-05T08:00", "2026-03-10T09:00"))
            .add(stay("01001", "LK0001", "2025-01-05T08:00", "2025-01-06T09:00"));
    assertThat(run(history, aStay().build(), nothingKnown().withHistory(past)))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo("VISIT_KEY_FROM_OTHER_FACILITY");
              assertThat(x.actual()).isEqualTo("01001");
            });
  }

  @Test
  void overlappingStaysOnOneCard() {
    InMemoryClaimHistory past =
        new InMemoryClaimHistory()
            .add(stay("01001", "LK7777", "2026-03-09T08:00", "2026-03-12T09:00"));
    assertThat(codes(run(history, aStay().build(), nothingKnown().withHistory(past))))
        .containsExactly("STAY_OVERLAP");
  }

  @Test
  void staysThatMeetAtTheSameMinuteOrOutpatientVisits() {
    InMemoryClaimHistory past =
        new InMemoryClaimHistory()
            .add(stay("01001", "LK7777", "2026-03-10T09:00", "2026-03-12T09:00"))
            .add(
                new PastClaim(
                    "01001",
                    "LK8888",
                    CARD,
                    LocalDateTime.parse("2026-03-06T08:00"),
                    LocalDateTime.parse("2026-03-06T09:00"),
                    false));
    AssessmentContext context = nothingKnown().withHistory(past);
    assertThat(run(history, aStay().build(), context)).isEmpty();
    InMemoryClaimHistory overlapping =
        new InMemoryClaimHistory()
            .add(stay("01001", "LK7777", "2026-03-05T10:00", "2026-03-05T11:00"));
    assertThat(run(history, aVisit().build(), nothingKnown().withHistory(overlapping))).isEmpty();
  }
}
