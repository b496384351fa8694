package vn.bhyt.verifier.registry;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.verifier.rules.FundState;

/** The fund's online card check, asked when the registry has no row for a card. */
public interface FundClient {
  /** No fund: every answer is {@link FundState#NOT_CONFIGURED}. */
  FundClient NONE =
      (number, name, birthDate) -> CompletableFuture.completedFuture(FundState.NOT_CONFIGURED);

  /**
   * Asks the fund about a card. The stage completes with {@link FundState#UNAVAILABLE} rather than
   * failing when the fund does not answer in time.
   */
  CompletionStage<FundState> check(
      CardNumber number, @Nullable String name, @Nullable PartialDate birthDate);
}
