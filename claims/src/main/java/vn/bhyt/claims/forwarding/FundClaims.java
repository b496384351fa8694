package vn.bhyt.claims.forwarding;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The fund's claim API (reference section 7): submission, the look-up of what it holds, and its
 * assessment results. A future that fails means the fund gave no answer to use (it may or may not
 * have done what it was asked).
 */
public interface FundClaims {

  /** Sends one claim file: a {@code GIAMDINHHS} envelope of one {@code HOSO}. */
  CompletableFuture<Submitted> submit(String facility, byte[] envelope);

  /** Every transaction the fund holds that carried a dossier with that {@code MA_LK}. */
  CompletableFuture<List<Held>> lookUp(String facility, String maLk);

  /** The fund's assessment of a transaction, or that it is not done yet. */
  CompletableFuture<Results> results(String facility, String transactionId);

  /** What the fund answered a file. */
  sealed interface Submitted {}

  /** The fund took the file. */
  record Taken(String transactionId, @Nullable Instant receivedAt) implements Submitted {}

  /** The fund refused the file ({@code 205}): final. */
  record Refused(String code, String message) implements Submitted {}

  /** A transaction the fund holds for a visit. */
  record Held(String transactionId, @Nullable Instant receivedAt) {}

  /** The fund's answer about a transaction's assessment. */
  sealed interface Results {}

  /** The fund is still working on it. */
  record InProgress() implements Results {}

  /** The fund does not know the transaction ({@code 404}). */
  record Unknown(String message) implements Results {}

  /** The fund's assessment of the dossier the transaction carried. */
  record Assessed(
      String result,
      @Nullable BigDecimal fundShareAsked,
      @Nullable BigDecimal fundShareAccepted,
      List<LineError> errors)
      implements Results {
    public Assessed {
      errors = List.copyOf(errors);
    }
  }

  /** An error the fund found: its table, line ({@code STT}), code, text and the amount refused. */
  record LineError(
      @Nullable String table,
      @Nullable Integer line,
      @Nullable String code,
      @Nullable String message,
      @Nullable BigDecimal amount) {}
}
