package vn.bhyt.verifier.check;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import vn.bhyt.auth.Principal;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.Ulids;
import vn.bhyt.problem.ProblemException;
import vn.bhyt.problem.ProblemType;
import vn.bhyt.verifier.audit.CardHasher;
import vn.bhyt.verifier.audit.CheckLog;
import vn.bhyt.verifier.audit.CheckRecord;
import vn.bhyt.verifier.audit.Receipts;
import vn.bhyt.verifier.registry.Registry;
import vn.bhyt.verifier.rules.CardRules;
import vn.bhyt.verifier.rules.Clerk;
import vn.bhyt.verifier.rules.Evidence;
import vn.bhyt.verifier.rules.FundReply;
import vn.bhyt.verifier.rules.RegistryEntry;
import vn.bhyt.verifier.rules.Verdict;
import vn.bhyt.verifier.rules.Visit;

/**
 * Checks a card for a visit: registry first, the fund's online check when the registry has no row
 * for the card or an old one, then the rules. Every check is recorded for audit, with the token and
 * the clerk who asked, and answered with a receipt ({@link Receipts}); a check that cannot be
 * recorded is not answered (503).
 */
public final class CardCheckService {
  private final Registry registry;
  private final OnlineCheck fund;
  private final CardRules rules;
  private final CheckLog log;
  private final CardHasher hasher;
  private final Receipts receipts;
  private final Clock clock;

  /**
   * @param clock the facility's clock: its zone decides "today" and the offset of timestamps
   */
  public CardCheckService(
      Registry registry,
      OnlineCheck fund,
      CardRules rules,
      CheckLog log,
      CardHasher hasher,
      Receipts receipts,
      Clock clock) {
    this.registry = registry;
    this.fund = fund;
    this.rules = rules;
    this.log = log;
    this.hasher = hasher;
    this.receipts = receipts;
    this.clock = clock;
  }

  /**
   * Checks a card.
   *
   * @param checkedBy the name of the token that asked, for the audit trail
   * @throws ProblemException (in the stage) when a citizen ID matches no registry row
   */
  public CompletionStage<CheckResult> check(CheckRequest request, String checkedBy) {
    return check(request, checkedBy, null);
  }

  /**
   * Checks a card for a caller: the audit trail names its token, and the fund is asked with the
   * clerk the token names, if any.
   *
   * @throws ProblemException (in the stage) when a citizen ID matches no registry row
   */
  public CompletionStage<CheckResult> check(CheckRequest request, Principal caller) {
    return check(request, caller.name(), clerk(caller));
  }

  /** The clerk a reception token names, for the fund's 2024 check; null when it names none. */
  public static @Nullable Clerk clerk(Principal caller) {
    String name = caller.clerkName();
    String citizenId = caller.clerkCitizenId();
    return name == null || citizenId == null ? null : new Clerk(name, citizenId);
  }

  /**
   * Checks a card, the fund asked with the clerk's identity (its 2024 check) where one is given.
   *
   * @param checkedBy the name of the token that asked, for the audit trail
   * @param clerk the clerk the token names, or null
   * @throws ProblemException (in the stage) when a citizen ID matches no registry row
   */
  public CompletionStage<CheckResult> check(
      CheckRequest request, String checkedBy, @Nullable Clerk clerk) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    Visit visit =
        new Visit(
            request.visitDate() == null ? today : request.visitDate(),
            request.visitKind(),
            request.referral());
    Evidence evidence = request.evidence();
    return lookup(evidence)
        .thenCompose(entry -> judge(evidence, entry.orElse(null), visit, clerk))
        .thenApply(verdict -> finish(verdict, now, checkedBy, clerk));
  }

  private CompletionStage<Optional<RegistryEntry>> lookup(Evidence evidence) {
    if (evidence instanceof Evidence.Citizen c) {
      return registry
          .byCitizenId(c.id().citizenId())
          .thenApply(
              found -> {
                if (found.isEmpty()) {
                  throw new ProblemException(
                      ProblemType.CITIZEN_ID_UNKNOWN,
                      "no card in the registry belongs to this citizen ID; scan the insurance card instead");
                }
                return found;
              });
    }
    CardNumber number = CardRules.numberOf(evidence, null);
    if (number.model() == CardNumber.Model.UNKNOWN) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return registry.byCardNumber(number);
  }

  private CompletionStage<Verdict> judge(
      Evidence evidence, @Nullable RegistryEntry entry, Visit visit, @Nullable Clerk clerk) {
    CardNumber number = CardRules.numberOf(evidence, entry);
    if (number.model() == CardNumber.Model.UNKNOWN || !fund.due(entry)) {
      FundReply reply = fund.configured() ? FundReply.NOT_ASKED : FundReply.NOT_CONFIGURED;
      return CompletableFuture.completedFuture(rules.judge(evidence, entry, reply, visit));
    }
    return fund.ask(number, evidence.name(), evidence.birthDate(), clerk, entry)
        .thenApply(reply -> rules.judge(evidence, entry, reply, visit));
  }

  private CheckResult finish(
      Verdict verdict, Instant now, String checkedBy, @Nullable Clerk clerk) {
    String id = Ulids.next(now);
    String hash =
        verdict.card().number() == null ? null : hasher.hash(verdict.card().number().value());
    String source = verdict.source().code();
    String receipt = receipts.sign(new Receipts.Statement(id, hash, now, verdict.result(), source));
    boolean recorded =
        log.record(
            new CheckRecord(
                id,
                now,
                checkedBy,
                clerk == null ? null : clerk.name(),
                clerk == null ? null : clerk.citizenId(),
                hash,
                verdict.result(),
                verdict.outcome().code(),
                source,
                receipts.version()));
    if (!recorded) {
      throw new ProblemException(
          ProblemType.UNAVAILABLE, "the audit trail is behind; retry in a few seconds");
    }
    OffsetDateTime at =
        OffsetDateTime.ofInstant(now.truncatedTo(ChronoUnit.SECONDS), clock.getZone());
    return new CheckResult(id, at, verdict, receipt);
  }
}
