package vn.bhyt.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.bhyt.problem.ProblemException;
import vn.bhyt.problem.ProblemType;

class QueryParametersTest {
  private static Request request(Map<String, List<String>> query) {
    return Request.of(Method.GET, "/x", query, Map.of(), new byte[0]);
  }

  private static ProblemException refused(Map<String, List<String>> query, Set<String> known) {
    ProblemException p =
        catchThrowableOfType(
            () -> QueryParameters.requireKnown(request(query), known), ProblemException.class);
    assertThat(p).isNotNull();
    assertThat(p.type()).isEqualTo(ProblemType.BAD_PARAMETER);
    return p;
  }

  @Test
  void knownParametersOnceEachPass() {
    Map<String, List<String>> query = new LinkedHashMap<>();
    query.put("page", List.of("2"));
    query.put("size", List.of("10"));
    assertThatCode(() -> QueryParameters.requireKnown(request(query), Set.of("page", "size")))
        .doesNotThrowAnyException();
    assertThatCode(() -> QueryParameters.requireKnown(request(Map.of()), Set.of()))
        .doesNotThrowAnyException();
  }

  @Test
  void anUnknownParameterIsNamedWithTheKnownOnes() {
    ProblemException p = refused(Map.of("sise", List.of("10")), Set.of("size", "page"));

    assertThat(p.getMessage()).isEqualTo("unknown parameter 'sise' (expected: page, size)");
    assertThat(p.extensions()).containsEntry("parameter", "sise");
    assertThat(refused(Map.of("a", List.of("")), Set.of()).getMessage())
        .isEqualTo("unknown parameter 'a' (this endpoint takes none)");
  }

  @Test
  void aNameThatDoesNotLookLikeAParameterIsNotRepeated() {
    ProblemException p = refused(Map.of("Trần Thị Bích", List.of("x")), Set.of("size"));

    assertThat(p.getMessage()).doesNotContain("Trần");
    assertThat(p.extensions()).containsEntry("parameter", "?");
  }

  @Test
  void aKnownParameterGivenTwiceIsRefused() {
    ProblemException p = refused(Map.of("size", List.of("1", "2")), Set.of("size"));

    assertThat(p.getMessage()).isEqualTo("parameter 'size' is given more than once");
  }
}
