package vn.bhyt.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bhyt.claims.assessment.Answer;
import vn.bhyt.claims.catalog.JdbcIcdList;
import vn.bhyt.claims.catalog.JdbcPriceCatalogue;
import vn.bhyt.persistence.TestDatabase;

/**
 * The import commands end to end: the built {@code gateway.jar} run as a process against a real
 * MariaDB, as {@code ./gateway catalog import FILE.csv} runs it.
 */
class ImportCommandsIT {
  static TestDatabase db;
  @TempDir static Path dir;

  @BeforeAll
  static void database() {
    db = TestDatabase.create();
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  record Run(int exit, List<String> out, String err) {}

  static Run gateway(String... args) throws IOException, InterruptedException {
    Path config = Files.writeString(dir.resolve("gateway.conf"), "");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dlogback.configurationFile=" + Path.of("..", "config", "logback.xml"));
    command.add("-jar");
    command.add(Path.of("target", "gateway.jar").toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("GATEWAY_"));
    env.put("GATEWAY_CONFIG", config.toString());
    env.put("GATEWAY_DB_URL", db.config().url());
    env.put("GATEWAY_DB_USER", db.config().user());
    env.put("GATEWAY_DB_PASSWORD", db.config().password().value());
    pb.redirectOutput(dir.resolve("out.txt").toFile());
    pb.redirectError(dir.resolve("err.txt").toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the command ends").isTrue();
    return new Run(
        p.exitValue(),
        Files.readAllLines(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  static Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void catalogImportReportsBadRowsByLineAndIsIdempotent() throws Exception {
    String good =
        "code,name,unit,price,valid_from,valid_to,group\n"
            + "02.1900.0001,Khám Nội,lần,38700,2024-01-01,2024-06-30,13\n"
            + "02.1900.0001,Khám Nội,lần,42100,2024-07-01,,13\n"
            + "40.17,\"Paracetamol 500mg, viên\",viên,1250.50,2024-01-01,,4\n";
    Run first =
        gateway(
            "catalog",
            "import",
            file("prices.csv", good + "X.1,Bad,lần,12.345,2024-01-01,,\n").toString());
    assertThat(first.exit()).as(first.err()).isEqualTo(1);
    assertThat(first.out())
        .containsExactly(
            "line 5: price is not valid (expected: VND, digits with up to 2 decimals after a point)",
            "4 rows read: 3 inserted, 0 updated, 0 unchanged, 1 bad");
    Run again = gateway("catalog", "import", file("prices-fixed.csv", good).toString());
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out())
        .containsExactly("3 rows read: 0 inserted, 0 updated, 3 unchanged, 0 bad");
    JdbcPriceCatalogue prices = new JdbcPriceCatalogue(db.dataSource());
    assertThat(prices.price("02.1900.0001", LocalDate.of(2024, 6, 30)))
        .contains(new BigDecimal("38700.00"));
    assertThat(prices.price("02.1900.0001", LocalDate.of(2024, 7, 1)))
        .contains(new BigDecimal("42100.00"));
    assertThat(prices.price("40.17", LocalDate.of(2026, 1, 1))).contains(new BigDecimal("1250.50"));
  }

  @Test
  void icd10ImportLoadsTheList() throws Exception {
    Run run =
        gateway(
            "icd10",
            "import",
            file("icd10.csv", "code,name\nJ18.9,Viêm phổi\nA17.0†,Lao màng não\n").toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).containsExactly("2 rows read: 2 inserted, 0 updated, 0 unchanged, 0 bad");
    JdbcIcdList list = new JdbcIcdList(db.dataSource());
    assertThat(list.contains("J18.9", LocalDate.of(2026, 1, 1))).isEqualTo(Answer.YES);
    assertThat(list.contains("A17.0", LocalDate.of(2026, 1, 1))).isEqualTo(Answer.YES);
    assertThat(list.contains("J18.0", LocalDate.of(2026, 1, 1))).isEqualTo(Answer.NO);
  }

  @Test
  void aFileThatCannotBeImportedIsASetupProblem() throws Exception {
    Run header = gateway("catalog", "import", file("no-price.csv", "code,name\nX,y\n").toString());
    assertThat(header.exit()).isEqualTo(Main.BAD_SETUP);
    assertThat(header.err()).contains("gateway: line 1: the header has no price column");
    Run missing = gateway("icd10", "import", dir.resolve("absent.csv").toString());
    assertThat(missing.exit()).isEqualTo(Main.BAD_SETUP);
    assertThat(missing.err()).contains("gateway: cannot read");
  }
}
