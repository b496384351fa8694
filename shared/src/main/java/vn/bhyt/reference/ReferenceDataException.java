package vn.bhyt.reference;

import java.util.List;

/** Reference files that cannot be used, with every problem found in them. */
public final class ReferenceDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public ReferenceDataException(List<String> problems) {
    super(
        "reference data has "
            + problems.size()
            + " problem(s):\n  "
            + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
