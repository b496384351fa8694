package vn.bhyt.fhir;

/**
 * Which page of search results to answer: {@code count} results from {@code offset} (both from
 * {@code _count} and {@code _offset}).
 */
public record Paging(int offset, int count) {
  public static final int DEFAULT_COUNT = 20;
  public static final int MAX_COUNT = 200;

  /** Checks the bounds; a count above {@link #MAX_COUNT} is lowered to it. */
  public Paging {
    if (offset < 0 || count < 0) {
      throw FhirProblem.badRequest("_count and _offset must not be negative");
    }
    count = Math.min(count, MAX_COUNT);
  }

  /** The first page of the default size. */
  public static Paging first() {
    return new Paging(0, DEFAULT_COUNT);
  }

  /**
   * Reads {@code _count} and {@code _offset} of a search.
   *
   * @throws FhirProblem 400 when either is not a whole number
   */
  public static Paging of(SearchParams params) {
    return new Paging(
        number(params, "_offset").orElse(0), number(params, "_count").orElse(DEFAULT_COUNT));
  }

  /** The page after this one. */
  public Paging next() {
    return new Paging(offset + count, count);
  }

  private static java.util.Optional<Integer> number(SearchParams params, String name) {
    return params
        .first(name)
        .map(
            v -> {
              try {
                return Integer.parseInt(v.strip());
              } catch (NumberFormatException e) {
                throw FhirProblem.badRequest(name + " must be a whole number");
              }
            });
  }
}
