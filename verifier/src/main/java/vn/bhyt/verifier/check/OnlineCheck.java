package vn.bhyt.verifier.check;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.verifier.registry.FundClient;
import vn.bhyt.verifier.registry.Registry;
import vn.bhyt.verifier.rules.Clerk;
import vn.bhyt.verifier.rules.FundAnswer;
import vn.bhyt.verifier.rules.FundFacts;
import vn.bhyt.verifier.rules.FundReply;
import vn.bhyt.verifier.rules.RegistryEntry;

/**
 * The fund's online check as reception uses it: asked when the registry has no row for a card or
 * only an old one, waited for at most the check's budget, and its answer stored in the registry,
 * even when it came too late for the check that asked.
 *
 * <p>Answers are kept by question (card, name, birth date, clerk) for the registry's maximum age:
 * checks of one card, concurrent or repeated, make one call. A call that failed is not kept.
 */
public final class OnlineCheck {
  private static final Logger log = LoggerFactory.getLogger(OnlineCheck.class);
  private static final int KEPT = 100_000;

  /** No fund: never asked. */
  public static final OnlineCheck NONE =
      new OnlineCheck(
          FundClient.NONE,
          null,
          Duration.ZERO,
          Duration.ZERO,
          Clock.systemUTC(),
          new SimpleMeterRegistry());

  private final FundClient fund;
  private final @Nullable Registry registry;
  private final Duration budget;
  private final Duration maxAge;
  private final Clock clock;
  private final Cache<Question, FundAnswer> answers;
  private final Map<Question, CompletableFuture<FundAnswer>> asking = new ConcurrentHashMap<>();
  private final Counter answered;
  private final Counter late;
  private final Counter failed;

  /**
   * @param registry where answers are stored; null to store none
   * @param budget how long a check waits for the fund ({@code fund.check-timeout})
   * @param maxAge how old a registry row may be before the fund is asked ({@code
   *     fund.registry-max-age}); also how long an answer is kept
   */
  public OnlineCheck(
      FundClient fund,
      @Nullable Registry registry,
      Duration budget,
      Duration maxAge,
      Clock clock,
      MeterRegistry metrics) {
    this.fund = fund;
    this.registry = registry;
    this.budget = budget;
    this.maxAge = maxAge;
    this.clock = clock;
    this.answers =
        Caffeine.newBuilder()
            .maximumSize(KEPT)
            .expireAfterWrite(maxAge.isZero() ? Duration.ofNanos(1) : maxAge)
            .build();
    this.answered = counter(metrics, "answered", "the fund answered within the check's budget");
    this.late = counter(metrics, "late", "the check answered without the fund, which was late");
    this.failed = counter(metrics, "failed", "the fund failed or was not asked (breaker open)");
  }

  private static Counter counter(MeterRegistry metrics, String result, String description) {
    return Counter.builder("fund.card.checks")
        .tag("result", result)
        .description(description)
        .register(metrics);
  }

  /** Whether there is a fund to ask. */
  boolean configured() {
    return fund.configured();
  }

  /** Whether the fund is to be asked about a card whose registry row is this one (or none). */
  boolean due(@Nullable RegistryEntry entry) {
    if (!fund.configured()) {
      return false;
    }
    if (entry == null || entry.confirmedAt() == null) {
      return true;
    }
    return entry.confirmedAt().plus(maxAge).isBefore(clock.instant());
  }

  /**
   * Asks the fund, or takes the answer an earlier check of the same question got.
   *
   * @param entry the registry's row, stored over by the fund's answer
   * @return the fund's answer, or {@link FundReply#noAnswer} when it gave none within the budget
   */
  CompletionStage<FundReply> ask(
      CardNumber number,
      @Nullable String name,
      @Nullable PartialDate birthDate,
      @Nullable Clerk clerk,
      @Nullable RegistryEntry entry) {
    Question q =
        new Question(
            number.value(),
            name == null ? "" : name.strip(),
            birthDate == null ? "" : birthDate.toString(),
            clerk == null ? "" : clerk.citizenId() + "|" + clerk.name());
    FundReply none = FundReply.noAnswer(asOf(entry));
    FundAnswer kept = answers.getIfPresent(q);
    if (kept != null) {
      answered.increment();
      return CompletableFuture.completedFuture(FundReply.answered(kept));
    }
    CompletableFuture<FundAnswer> mine = new CompletableFuture<>();
    CompletableFuture<FundAnswer> call = asking.putIfAbsent(q, mine);
    if (call == null) {
      call = mine;
      fund.check(number.value(), name, birthDate, clerk)
          .whenComplete(
              (answer, failure) -> {
                if (failure != null) {
                  asking.remove(q, mine);
                  mine.completeExceptionally(failure);
                  return;
                }
                answers.put(q, answer); // before the call is forgotten: no second call between
                asking.remove(q, mine);
                mine.complete(answer);
                store(answer, number, entry);
              });
    }
    return call.thenApply(Optional::of)
        .completeOnTimeout(Optional.empty(), budget.toMillis(), TimeUnit.MILLISECONDS)
        .handle(
            (answer, failure) -> {
              if (failure != null) {
                failed.increment();
                return none;
              }
              if (answer.isEmpty()) {
                late.increment();
                return none;
              }
              answered.increment();
              return FundReply.answered(answer.get());
            });
  }

  /** Stores the card as the fund described it, in the background. */
  private void store(FundAnswer answer, CardNumber number, @Nullable RegistryEntry entry) {
    Registry store = registry;
    Optional<RegistryEntry> fromFund = FundFacts.entry(answer, number, entry);
    if (store == null || fromFund.isEmpty()) {
      return;
    }
    store
        .refresh(fromFund.get())
        .exceptionally(
            e -> {
              log.warn("the fund's answer was not stored in the registry: {}", e.toString());
              return null;
            });
  }

  private @Nullable LocalDate asOf(@Nullable RegistryEntry entry) {
    Instant at = entry == null ? null : entry.confirmedAt();
    return at == null ? null : LocalDate.ofInstant(at, clock.getZone());
  }

  /** What the fund is asked; its answer depends on all of it. */
  private record Question(String number, String name, String birthDate, String clerk) {}
}
