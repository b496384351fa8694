package vn.bhyt.verifier.rules;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What the fund's online check gave a card check.
 *
 * @param answer the fund's answer, when {@link Kind#ANSWERED}
 * @param registryAsOf when the registry's row was last confirmed by an import or the fund, when the
 *     fund was asked because that row was old and gave no answer; else null
 */
public record FundReply(Kind kind, @Nullable FundAnswer answer, @Nullable LocalDate registryAsOf) {
  /** No fund is configured. */
  public static final FundReply NOT_CONFIGURED = new FundReply(Kind.NOT_CONFIGURED, null, null);

  /** The registry's row is recent: the fund was not asked. */
  public static final FundReply NOT_ASKED = new FundReply(Kind.NOT_ASKED, null, null);

  public FundReply {
    if ((kind == Kind.ANSWERED) != (answer != null)) {
      throw new IllegalArgumentException("an answer goes with ANSWERED, and only with it");
    }
  }

  /** How the fund's check went. */
  public enum Kind {
    NOT_CONFIGURED,
    NOT_ASKED,
    NO_ANSWER,
    ANSWERED
  }

  /** The fund answered. */
  public static FundReply answered(FundAnswer answer) {
    return new FundReply(Kind.ANSWERED, answer, null);
  }

  /** The fund was asked because the registry's row, confirmed at that time, is old; no answer. */
  public static FundReply noAnswer(@Nullable LocalDate registryAsOf) {
    return new FundReply(Kind.NO_ANSWER, null, registryAsOf);
  }
}
