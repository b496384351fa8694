package vn.bhyt.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResourceIdsTest {
  @Test
  void idsAreValidUniqueAndTimeOrdered() {
    Set<String> ids = new HashSet<>();
    Instant at = Instant.parse("2026-03-01T08:00:00Z");
    String first = ResourceIds.next(at);
    for (int i = 0; i < 10_000; i++) {
      String id = ResourceIds.next(at);
      assertThat(ResourceIds.valid(id)).isTrue();
      assertThat(id).hasSize(26);
      ids.add(id);
    }
    assertThat(ids).hasSize(10_000);
    assertThat(ResourceIds.next(at.plusMillis(2)).substring(0, 10))
        .isGreaterThan(first.substring(0, 10));
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
