package vn.bhyt.claims.fhirclaim;

import java.util.List;

/** A FHIR Claim that cannot be read as a claim dossier; the problems name elements, not values. */
public final class ClaimMappingException extends Exception {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public ClaimMappingException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** What is wrong, one entry per problem, each naming the element. */
  public List<String> problems() {
    return problems;
  }
}
