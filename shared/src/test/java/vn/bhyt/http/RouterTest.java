package vn.bhyt.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.bhyt.auth.Role;
import vn.bhyt.problem.ProblemException;
import vn.bhyt.problem.ProblemType;

class RouterTest {
  private final RouteHandler none = r -> null;
  private final Router router =
      new Router()
          .add(Method.POST, "/api/v1/visits", Role.RECEPTION, none)
          .add(Method.POST, "/api/v1/visits/{id}/discharge", Role.RECEPTION, none)
          .open(Method.GET, "/health/live", none);

  @Test
  void bindsPathParameters() {
    Router.Match m = router.match(Method.POST, "/api/v1/visits/V42/discharge");
    assertThat(m.route().template()).isEqualTo("/api/v1/visits/{id}/discharge");
    assertThat(m.params()).containsEntry("id", "V42");
  }

  @Test
  void toleratesATrailingSlash() {
    assertThat(router.match(Method.GET, "/health/live/").route().open()).isTrue();
  }

  @Test
  void unknownPathIs404AndWrongMethodIs405() {
    assertThatThrownBy(() -> router.match(Method.GET, "/nope"))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.NOT_FOUND));
    assertThatThrownBy(() -> router.match(Method.GET, "/api/v1/visits"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.type()).isEqualTo(ProblemType.METHOD_NOT_ALLOWED));
    assertThatThrownBy(() -> router.match(Method.POST, "/api/v1/visits//discharge"))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void aPathMatchedBeforeMatchesTheSameRouteAgainAndTheFirstTemplateStillWins() {
    Router shadowed =
        new Router()
            .open(Method.GET, "/fhir/{type}", none)
            .open(Method.GET, "/fhir/metadata", none)
            .open(Method.POST, "/fhir/metadata", none);
    for (int i = 0; i < 3; i++) {
      Router.Match get = shadowed.match(Method.GET, "/fhir/metadata");
      assertThat(get.route().template()).isEqualTo("/fhir/{type}");
      assertThat(get.params()).containsExactly(Map.entry("type", "metadata"));
      Router.Match post = shadowed.match(Method.POST, "/fhir/metadata/");
      assertThat(post.route().template()).isEqualTo("/fhir/metadata");
      assertThat(post.params()).isEmpty();
      assertThatThrownBy(() -> shadowed.match(Method.DELETE, "/fhir/metadata"))
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> assertThat(e.type()).isEqualTo(ProblemType.METHOD_NOT_ALLOWED));
    }
  }
}
