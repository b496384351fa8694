package vn.bhyt.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each module's tables are its own: they are created by its migrations, and no other module's main
 * code names them in SQL. A module that needs another's data asks the owner's interface ({@code
 * CardTerms} of the verifier, {@code EncounterIndex} of the FHIR store). Benchmarks are left out:
 * they measure the modules' internals.
 */
class TableOwnershipTest {
  static final List<String> MODULES =
      List.of("shared", "verifier", "fhir", "visits", "claims", "app");
  static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  static final Pattern CREATED =
      Pattern.compile("(?i)\\bCREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?`?(\\w+)`?");
  static final Pattern NAMED =
      Pattern.compile("(?i)\\b(?:FROM|INTO|UPDATE|JOIN|TABLE)\\s+`?(\\w+)`?");
  static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");

  @Test
  void everyTableIsCreatedByOneModule() {
    Map<String, String> owners = new LinkedHashMap<>();
    List<String> twice = new ArrayList<>();
    for (String module : MODULES) {
      for (String table : created(module)) {
        String before = owners.putIfAbsent(table, module);
        if (before != null) {
          twice.add(table + ": " + before + " and " + module);
        }
      }
    }
    assertThat(twice).isEmpty();
    assertThat(owners).containsKeys("registry_card", "fhir_resource", "claim", "api_token");
  }

  @Test
  void noModuleNamesAnotherModulesTable() {
    Map<String, String> owners = new LinkedHashMap<>();
    for (String module : MODULES) {
      created(module).forEach(t -> owners.put(t, module));
    }
    List<String> trespasses = new ArrayList<>();
    for (String module : MODULES) {
      for (Path file : sources(module)) {
        for (String table : named(file)) {
          String owner = owners.get(table);
          if (owner != null && !owner.equals(module)) {
            trespasses.add(ROOT.relativize(file) + " names " + owner + "'s table " + table);
          }
        }
      }
    }
    assertThat(trespasses).isEmpty();
  }

  @Test
  void theScanFindsTablesInSqlLiterals() {
    assertThat(tables("\"SELECT 1 FROM fhir_token_index e JOIN claim c\" + \" INTO `icd`\""))
        .containsExactly("fhir_token_index", "claim", "icd");
    assertThat(tables("\"the claim from billing\"")).containsExactly("billing");
  }

  private static List<String> created(String module) {
    Path migrations =
        ROOT.resolve(module).resolve("src/main/resources/db/migration").resolve(module);
    List<String> tables = new ArrayList<>();
    for (Path file : files(migrations, ".sql")) {
      Matcher m = CREATED.matcher(read(file));
      while (m.find()) {
        tables.add(m.group(1).toLowerCase(Locale.ROOT));
      }
    }
    return tables;
  }

  private static List<Path> sources(String module) {
    return files(ROOT.resolve(module).resolve("src/main/java"), ".java");
  }

  private static List<String> named(Path file) {
    return tables(read(file));
  }

  /** The words after FROM, INTO, UPDATE, JOIN and TABLE in the string literals of a text. */
  static List<String> tables(String source) {
    List<String> tables = new ArrayList<>();
    Matcher literal = LITERAL.matcher(source);
    while (literal.find()) {
      Matcher m = NAMED.matcher(literal.group());
      while (m.find()) {
        tables.add(m.group(1).toLowerCase(Locale.ROOT));
      }
    }
    return tables;
  }

  private static List<Path> files(Path dir, String suffix) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
