package vn.bhyt.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vn.bhyt.config.ConfigKey;
import vn.bhyt.problem.ProblemType;
import vn.bhyt.verifier.rules.FindingCode;

/** The README documents every problem code, configuration key and reason code the gateway has. */
class ReadmeTest {
  private final String readme = read();

  private static String read() {
    try {
      return Files.readString(Path.of("..", "README.md"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void problemCodesAreUniqueAndInTheErrorCatalogue() {
    assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::code)).doesNotHaveDuplicates();
    for (ProblemType t : ProblemType.values()) {
      assertThat(readme).contains("| `" + t.code() + "` | " + t.status() + " |");
    }
  }

  @Test
  void everyConfigurationKeyIsInTheTable() {
    for (ConfigKey k : ConfigKey.values()) {
      String defaultCell = k.defaultValue().isEmpty() ? "empty" : "`" + k.defaultValue() + "`";
      assertThat(readme)
          .contains("| `" + k.key() + "` | " + defaultCell + " | `" + k.env() + "` |");
    }
  }

  @Test
  void everyClaimFindingCodeIsDocumented() {
    for (vn.bhyt.claims.assessment.FindingCode c : vn.bhyt.claims.assessment.FindingCode.values()) {
      assertThat(readme).contains("`" + c.name() + "`");
    }
  }

  @Test
  void everyReasonCodeIsDocumented() {
    for (FindingCode c : FindingCode.values()) {
      assertThat(readme).contains("`" + c.name() + "`");
    }
  }
}
