package vn.bhyt.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.HttpMethod;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.bhyt.auth.Role;
import vn.bhyt.problem.ProblemException;
import vn.bhyt.problem.ProblemType;

class RouterTest {
  private final RouteHandler none = r -> null;
  private final Router router =
      new Router()
          .add(HttpMethod.POST, "/api/v1/visits", Role.RECEPTION, none)
          .add(HttpMethod.POST, "/api/v1/visits/{id}/discharge", Role.RECEPTION, none)
          .open(HttpMethod.GET, "/health/live", none);

  @Test
  void bindsPathParameters() {
    Router.Match m = router.match(HttpMethod.POST, "/api/v1/visits/V42/discharge");
    assertThat(m.route().template()).isEqualTo("/api/v1/visits/{id}/discharge");
    assertThat(m.params()).containsEntry("id", "V42");
  }

  @Test
  void toleratesATrailingSlash() {
    assertThat(router.match(HttpMethod.GET, "/health/live/").route().open()).isTrue();
  }

  @Test
  void unknownPathIs404AndWrongMethodIs405() {
    assertThatThrownBy(() -> router.match(HttpMethod.GET, "/nope"))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.NOT_FOUND));
    assertThatThrownBy(() -> router.match(HttpMethod.GET, "/api/v1/visits"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.type()).isEqualTo(ProblemType.METHOD_NOT_ALLOWED));
    assertThatThrownBy(() -> router.match(HttpMethod.POST, "/api/v1/visits//discharge"))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void aPathMatchedBeforeMatchesTheSameRouteAgainAndTheFirstTemplateStillWins() {
    Router shadowed =
        new Router()
            .open(HttpMethod.GET, "/fhir/{type}", none)
            .open(HttpMethod.GET, "/fhir/metadata", none)
            .open(HttpMethod.POST, "/fhir/metadata", none);
    for (int i = 0; i < 3; i++) {
      Router.Match get = shadowed.match(HttpMethod.GET, "/fhir/metadata");
      assertThat(get.route().template()).isEqualTo("/fhir/{type}");
      assertThat(get.params()).containsExactly(Map.entry("type", "metadata"));
      Router.Match post = shadowed.match(HttpMethod.POST, "/fhir/metadata/");
      assertThat(post.route().template()).isEqualTo("/fhir/metadata");
      assertThat(post.params()).isEmpty();
      assertThatThrownBy(() -> shadowed.match(HttpMethod.DELETE, "/fhir/metadata"))
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> assertThat(e.type()).isEqualTo(ProblemType.METHOD_NOT_ALLOWED));
    }
  }
}
