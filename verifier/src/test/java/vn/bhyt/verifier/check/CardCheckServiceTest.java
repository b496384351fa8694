package vn.bhyt.verifier.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.FacilityLevel;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.domain.VisitKind;
import vn.bhyt.problem.ProblemException;
import vn.bhyt.problem.ProblemType;
import vn.bhyt.reference.ReferenceData;
import vn.bhyt.verifier.audit.CardHasher;
import vn.bhyt.verifier.audit.CheckLog;
import vn.bhyt.verifier.audit.CheckRecord;
import vn.bhyt.verifier.audit.Receipts;
import vn.bhyt.verifier.registry.Registry;
import vn.bhyt.verifier.rules.CardRules;
import vn.bhyt.verifier.rules.Evidence;
import vn.bhyt.verifier.rules.Facility;
import vn.bhyt.verifier.rules.RegistryEntry;

/** The audit side of a check: every answered check has its record, none is answered without. */
class CardCheckServiceTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T01:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));
  private static final CheckRequest TYPED =
      new CheckRequest(
          new Evidence.Typed(
              CardNumber.of("DN4797912345678"), "Nguyễn Văn An", PartialDate.ofYear(1990)),
          null,
          VisitKind.OUTPATIENT,
          false);

  @Test
  void anAnsweredCheckHasItsRecordWithoutTheCardNumber() {
    List<CheckRecord> kept = new ArrayList<>();
    CheckResult result =
        service(r -> kept.add(r)).check(TYPED, "desk-1").toCompletableFuture().join();
    assertThat(kept).hasSize(1);
    CheckRecord r = kept.get(0);
    assertThat(r.checkId()).isEqualTo(result.checkId());
    assertThat(r.tokenName()).isEqualTo("desk-1");
    assertThat(r.result()).isEqualTo(result.verdict().result());
    assertThat(r.cardHash()).hasSize(16).doesNotContain("4797912345678");
  }

  @Test
  void aCheckTheAuditTrailCannotTakeIsRefused() {
    CompletionStage<CheckResult> answer = service(r -> false).check(TYPED, "desk-1");
    assertThatThrownBy(() -> answer.toCompletableFuture().join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            ProblemException.class, p -> assertThat(p.type()).isEqualTo(ProblemType.UNAVAILABLE));
  }

  private static CardCheckService service(CheckLog log) {
    Registry nothing =
        new Registry() {
          @Override
          public CompletionStage<Optional<RegistryEntry>> byCardNumber(CardNumber number) {
            return CompletableFuture.completedFuture(Optional.empty());
          }

          @Override
          public CompletionStage<Optional<RegistryEntry>> byCitizenId(String citizenId) {
            return CompletableFuture.completedFuture(Optional.empty());
          }

          @Override
          public CompletionStage<Void> refresh(RegistryEntry fromFund) {
            throw new AssertionError("no fund here to refresh the registry from");
          }
        };
    CardRules rules =
        new CardRules(
            ReferenceData.builtIn(),
            new Facility(new FacilityCode("79034"), FacilityLevel.PROVINCIAL));
    return new CardCheckService(
        nothing,
        OnlineCheck.NONE,
        rules,
        log,
        new CardHasher(new byte[16]),
        Receipts.of(Map.of(1, new byte[32])),
        CLOCK);
  }
}
