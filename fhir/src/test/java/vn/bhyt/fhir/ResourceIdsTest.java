package vn.bhyt.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResourceIdsTest {
  @Test
  void idsAreValidUniqueAndTimeOrdered() throws Exception {
    Set<String> ids = new HashSet<>();
    String first = ResourceIds.next();
    for (int i = 0; i < 10_000; i++) {
      String id = ResourceIds.next();
      assertThat(ResourceIds.valid(id)).isTrue();
      assertThat(id).hasSize(26);
      ids.add(id);
    }
    assertThat(ids).hasSize(10_000);
    Thread.sleep(2);
    assertThat(ResourceIds.next().substring(0, 10)).isGreaterThan(first.substring(0, 10));
  }

  @Test
  void validIdsFollowFhir() {
    assertThat(ResourceIds.valid("a-B.9")).isTrue();
    assertThat(ResourceIds.valid("x".repeat(64))).isTrue();
    assertThat(ResourceIds.valid("x".repeat(65))).isFalse();
    assertThat(ResourceIds.valid("")).isFalse();
    assertThat(ResourceIds.valid("a b")).isFalse();
    assertThat(ResourceIds.valid("a/b")).isFalse();
    assertThat(ResourceIds.valid(null)).isFalse();
  }
}
