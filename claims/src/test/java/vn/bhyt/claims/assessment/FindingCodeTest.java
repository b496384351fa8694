package vn.bhyt.claims.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FindingCodeTest {

  @Test
  void codesAreUpperSnake() {
    assertThat(FindingCode.values())
        .extracting(FindingCode::name)
        .allMatch(n -> n.matches("[A-Z]+(_[A-Z0-9]+)*"));
  }

  @Test
  void severitiesAndStatusesHaveLowerCaseJsonNames() {
    assertThat(Arrays.stream(Severity.values()).map(Severity::code))
        .containsExactly("critical", "warning", "info");
    assertThat(Severity.parse("Warning")).isEqualTo(Severity.WARNING);
    assertThat(Arrays.stream(AssessmentStatus.values()).map(AssessmentStatus::code))
        .containsExactly("accepted", "flagged", "rejected");
  }
}
