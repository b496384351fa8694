package vn.bhyt.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import vn.bhyt.claims.assessment.ClaimReference;
import vn.bhyt.claims.catalog.CatalogImporter;
import vn.bhyt.config.GatewayConfig;
import vn.bhyt.csv.ImportSummary;
import vn.bhyt.persistence.Database;

/**
 * The CSV import commands: {@code catalog import} and {@code icd10 import}, and the file handling,
 * progress bar and report they share with {@code registry import}.
 */
final class ImportCommands {
  private ImportCommands() {}

  /** {@code catalog import FILE.csv}. */
  @Command(
      name = "catalog",
      description = "Manage the insured price list.",
      subcommands = CatalogImport.class)
  static final class CatalogCommand implements Runnable {
    @Override
    public void run() {
      new CommandLine(this).usage(System.out);
    }
  }

  /** Loads or refreshes the insured price list from a CSV file. */
  @Command(name = "import", description = "Load or refresh insured prices from a CSV file.")
  static final class CatalogImport implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.csv", description = "UTF-8 CSV with a header row")
    Path file;

    @Override
    public Integer call() throws Exception {
      return importFile(
          file,
          (config, ds, in, progress) ->
              CatalogImporter.prices(ds, claimReference(config)).importCsv(in, progress));
    }
  }

  /** {@code icd10 import FILE.csv}. */
  @Command(name = "icd10", description = "Manage the ICD-10 list.", subcommands = Icd10Import.class)
  static final class Icd10Command implements Runnable {
    @Override
    public void run() {
      new CommandLine(this).usage(System.out);
    }
  }

  /** Loads or refreshes the ICD-10 list from a CSV file. */
  @Command(name = "import", description = "Load or refresh ICD-10 codes from a CSV file.")
  static final class Icd10Import implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.csv", description = "UTF-8 CSV with a header row")
    Path file;

    @Override
    public Integer call() throws Exception {
      return importFile(
          file, (config, ds, in, progress) -> CatalogImporter.icd10(ds).importCsv(in, progress));
    }
  }

  /** An import of a CSV file into the database. */
  @FunctionalInterface
  interface CsvImport {
    ImportSummary run(GatewayConfig config, DataSource ds, Reader in, LongConsumer progress)
        throws IOException, SQLException;
  }

  /**
   * Runs an import of a file with a progress bar on a terminal, prints the bad rows and the summary
   * line; exit code 1 when any row was bad.
   */
  static int importFile(Path file, CsvImport importer) throws Exception {
    GatewayConfig config = ConfigFiles.load();
    Main.requireDb(config);
    if (!Files.isReadable(file)) {
      throw new IOException("cannot read " + file);
    }
    Progress progress = Progress.of(Files.size(file), System.err);
    try (var ds = Database.open(config.db(), null);
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(
                    progress.track(Files.newInputStream(file)), StandardCharsets.UTF_8),
                1 << 16)) {
      ImportSummary summary = importer.run(config, ds, in, progress::rows);
      progress.done();
      report(summary, System.out);
      return summary.bad() == 0 ? 0 : 1;
    }
  }

  /** The claim reference tables: from {@code reference.dir} when configured, else built in. */
  static ClaimReference claimReference(GatewayConfig config) {
    Path dir = config.referenceDir();
    if (dir == null) {
      return ClaimReference.builtIn();
    }
    return ClaimReference.load(
        name -> {
          try {
            return Files.newBufferedReader(dir.resolve(name), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  static void report(ImportSummary summary, PrintStream out) {
    summary.errors().forEach(e -> out.println("line " + e.line() + ": " + e.message()));
    if (summary.bad() > summary.errors().size()) {
      out.println("… and " + (summary.bad() - summary.errors().size()) + " more bad rows");
    }
    out.println(summary.line());
  }
}
