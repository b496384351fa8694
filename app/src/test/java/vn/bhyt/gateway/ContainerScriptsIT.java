package vn.bhyt.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bhyt.persistence.TestDatabase;

/**
 * The container's entrypoint and health check, run as the image runs them but in a plain shell (no
 * container engine needed): the image's layout in a directory, the gateway against a throwaway
 * database.
 */
class ContainerScriptsIT {
  static final Path ROOT = TableOwnershipTest.ROOT;

  @Test
  void theEntrypointPassesTheJavaOptionsAndTheHealthCheckFollowsReadiness(@TempDir Path home)
      throws Exception {
    Files.createSymbolicLink(home.resolve("gateway.jar"), ROOT.resolve("app/target/gateway.jar"));
    Files.createDirectories(home.resolve("config"));
    Files.copy(ROOT.resolve("config/gateway.conf"), home.resolve("config/gateway.conf"));
    Files.copy(ROOT.resolve("config/logback.xml"), home.resolve("config/logback.xml"));
    int port = freePort();
    Map<String, String> env = Map.of("GATEWAY_HTTP_PORT", String.valueOf(port));
    assertThat(healthCheck(env)).as("nothing listens yet").isEqualTo(1);
    try (TestDatabase db = TestDatabase.create()) {
      ProcessBuilder gateway =
          new ProcessBuilder("bash", ROOT.resolve("docker/entrypoint.sh").toString(), "serve")
              .redirectErrorStream(true)
              .redirectOutput(home.resolve("gateway.log").toFile());
      gateway.environment().putAll(env);
      gateway.environment().put("GATEWAY_HOME", home.toString());
      gateway.environment().put("GATEWAY_HTTP_BIND", "127.0.0.1");
      gateway.environment().put("GATEWAY_DB_URL", db.config().url());
      gateway.environment().put("GATEWAY_DB_USER", db.config().user());
      gateway.environment().put("GATEWAY_DB_PASSWORD", db.config().password().value());
      gateway.environment().put("GATEWAY_JAVA_OPTS", "-Xmx384m -Dcontainer.check=yes");
      Process p = gateway.start();
      try {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (healthCheck(env) != 0) {
          assertThat(p.isAlive()).as(Files.readString(home.resolve("gateway.log"))).isTrue();
          assertThat(System.nanoTime()).as("ready within 90 s").isLessThan(deadline);
          Thread.sleep(250);
        }
        List<String> arguments = List.of(p.info().arguments().orElse(new String[0]));
        assertThat(p.info().command().orElse("")).endsWith("java");
        assertThat(arguments).contains("-Xmx384m", "-Dcontainer.check=yes", "serve");
      } finally {
        p.destroy();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(healthCheck(env)).as("stopped").isEqualTo(1);
    }
  }

  @Test
  void theImageRunsTheseScriptsAndItsBuildInstallsNothing() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"));
    assertThat(dockerfile)
        .contains("COPY docker/entrypoint.sh docker/healthcheck.sh bin/")
        .contains("CMD [\"bin/healthcheck.sh\"]")
        .contains("ENTRYPOINT [\"bin/entrypoint.sh\"]")
        .containsPattern("RUN ./mvnw [^\\n]*-DskipTests");
    String pom = Files.readString(ROOT.resolve("pom.xml"));
    assertThat(pom).contains("<name>!skipTests</name>");
    assertThat(Files.readAllLines(ROOT.resolve(".dockerignore"))).contains("**/target/", ".git/");
  }

  private static int healthCheck(Map<String, String> env) throws Exception {
    ProcessBuilder check =
        new ProcessBuilder(ROOT.resolve("docker/healthcheck.sh").toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    check.environment().putAll(env);
    Process p = check.start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
