package vn.bhyt.claims.intake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.bhyt.problem.ProblemException;
import vn.bhyt.problem.ProblemType;

/**
 * A claim envelope the gateway cannot read. The message names the dossier (its position in the
 * envelope, from 1), the table and the row or XML line, never a field's content.
 *
 * <p>Dossiers are handed on as they are read, so the dossiers before {@link #dossier()} may already
 * have reached the consumer when this is thrown.
 */
public final class ClaimParseException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the envelope cannot be read, each with the problem it is answered with. */
  public enum Reason {
    EMPTY(ProblemType.CLAIM_NOT_XML),
    NOT_XML(ProblemType.CLAIM_NOT_XML),
    TRUNCATED(ProblemType.CLAIM_TRUNCATED),
    DOCTYPE(ProblemType.CLAIM_DOCTYPE),
    NOT_ENVELOPE(ProblemType.CLAIM_NOT_ENVELOPE),
    NO_FACILITY(ProblemType.CLAIM_NOT_ENVELOPE),
    NO_TABLE_TYPE(ProblemType.CLAIM_NOT_ENVELOPE),
    BAD_BASE64(ProblemType.CLAIM_BAD_BASE64),
    NO_SUMMARY(ProblemType.CLAIM_WITHOUT_SUMMARY),
    NO_MA_LK(ProblemType.CLAIM_WITHOUT_KEY),
    TABLE_TOO_LARGE(ProblemType.CLAIM_TOO_LARGE),
    TOO_MANY_ROWS(ProblemType.CLAIM_TOO_LARGE),
    TEXT_TOO_LONG(ProblemType.CLAIM_TOO_LARGE),
    TABLE_MALFORMED(ProblemType.CLAIM_TABLE_MALFORMED),
    DUPLICATE_TABLE(ProblemType.CLAIM_DUPLICATE_TABLE);

    private final ProblemType problem;

    Reason(ProblemType problem) {
      this.problem = problem;
    }

    public ProblemType problem() {
      return problem;
    }
  }

  private final Reason reason;
  private final int dossier;
  private final @Nullable String table;

  ClaimParseException(Reason reason, int dossier, @Nullable String table, String message) {
    super(message, null, false, false);
    this.reason = reason;
    this.dossier = dossier;
    this.table = table;
  }

  public Reason reason() {
    return reason;
  }

  /** The failing dossier's position in the envelope, from 1; 0 when the envelope itself failed. */
  public int dossier() {
    return dossier;
  }

  /** The failing table's type ({@code XML3}), when one table is at fault. */
  public Optional<String> table() {
    return Optional.ofNullable(table);
  }

  /** The problem to answer with: the reason's type, this message, and reason, dossier and table. */
  public ProblemException toProblem() {
    Map<String, Object> extensions = new LinkedHashMap<>();
    extensions.put("reason", reason.name());
    if (dossier > 0) {
      extensions.put("dossier", dossier);
    }
    if (table != null) {
      extensions.put("table", table);
    }
    return new ProblemException(reason.problem(), getMessage(), extensions);
  }
}
