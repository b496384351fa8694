package vn.bhyt.problem;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request the gateway cannot answer, carrying the problem to send back.
 *
 * <p>The detail is shown to the client: it never holds patient data, SQL or stack traces.
 */
public final class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ProblemType type;
  private final transient Map<String, Object> extensions;

  public ProblemException(ProblemType type, String detail) {
    this(type, detail, Map.of());
  }

  public ProblemException(
      ProblemType type, @Nullable String detail, Map<String, Object> extensions) {
    super(detail, null, false, false);
    this.type = type;
    this.extensions = Map.copyOf(extensions);
  }

  public ProblemType type() {
    return type;
  }

  public @Nullable String detail() {
    return getMessage();
  }

  /** Extra members of the problem document, such as a card check's answer. */
  public Map<String, Object> extensions() {
    return extensions;
  }
}
