package vn.bhyt.verifier.registry;

import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.verifier.rules.Clerk;
import vn.bhyt.verifier.rules.FundAnswer;

/** The fund's online card check, asked when the registry has no row for a card or an old one. */
public interface FundClient {
  /** No fund: never asked. */
  FundClient NONE =
      new FundClient() {
        @Override
        public boolean configured() {
          return false;
        }

        @Override
        public CompletableFuture<FundAnswer> check(
            String cardNumber,
            @Nullable String name,
            @Nullable PartialDate birthDate,
            @Nullable Clerk clerk) {
          return CompletableFuture.failedFuture(new IllegalStateException("no fund is configured"));
        }
      };

  /** Whether there is a fund to ask. */
  boolean configured();

  /**
   * Asks the fund about a card: the 2019 check, or the 2024 check when a clerk is given.
   *
   * @return the fund's answer; fails when the fund gave none (no answer within the client's own
   *     timeouts, a failure, a refused login, or a breaker that keeps a failing fund unasked)
   */
  CompletableFuture<FundAnswer> check(
      String cardNumber,
      @Nullable String name,
      @Nullable PartialDate birthDate,
      @Nullable Clerk clerk);
}
