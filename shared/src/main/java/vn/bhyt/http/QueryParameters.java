package vn.bhyt.http;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import vn.bhyt.problem.ProblemException;
import vn.bhyt.problem.ProblemType;

/**
 * The query parameters an endpoint knows. A parameter it does not know, or one it knows given more
 * than once, is a 400 problem ({@code GEN-0008}), so that a misspelt parameter is never silently
 * ignored. Problems name the parameter when its name looks like one and never repeat a value.
 */
public final class QueryParameters {
  private static final Pattern PRINTABLE_NAME = Pattern.compile("[A-Za-z0-9_.:\\-\\[\\]]{1,40}");

  private QueryParameters() {}

  /**
   * Checks that the request's query parameters are among those known, each at most once.
   *
   * @throws ProblemException 400 {@code GEN-0008} naming the first that is not, and the known ones
   */
  public static void requireKnown(Request request, Set<String> known) {
    for (Map.Entry<String, List<String>> p : request.queryParameters().entrySet()) {
      String name = p.getKey();
      if (!known.contains(name)) {
        throw new ProblemException(
            ProblemType.BAD_PARAMETER,
            (known.isEmpty()
                ? "unknown parameter " + shown(name) + " (this endpoint takes none)"
                : "unknown parameter "
                    + shown(name)
                    + " (expected: "
                    + String.join(", ", new TreeSet<>(known))
                    + ")"),
            Map.<String, Object>of("parameter", printable(name) ? name : "?"));
      }
      if (p.getValue().size() > 1) {
        throw new ProblemException(
            ProblemType.BAD_PARAMETER,
            "parameter '" + name + "' is given more than once",
            Map.<String, Object>of("parameter", name));
      }
    }
  }

  private static String shown(String name) {
    return printable(name) ? "'" + name + "'" : "of an unprintable or long name";
  }

  private static boolean printable(String name) {
    return PRINTABLE_NAME.matcher(name).matches();
  }
}
