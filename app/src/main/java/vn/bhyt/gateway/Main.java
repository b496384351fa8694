package vn.bhyt.gateway;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.bhyt.auth.JdbcTokenStore;
import vn.bhyt.auth.Role;
import vn.bhyt.config.ConfigException;
import vn.bhyt.config.GatewayConfig;
import vn.bhyt.csv.CsvException;
import vn.bhyt.persistence.Database;
import vn.bhyt.reference.ReferenceDataException;
import vn.bhyt.verifier.audit.ReceiptKeys;
import vn.bhyt.verifier.registry.RegistryImporter;

/** The {@code gateway} command line. */
@Command(
    name = "gateway",
    mixinStandardHelpOptions = true,
    description = "Hospital-side gateway for Vietnamese health insurance (BHYT).",
    subcommands = {
      Main.Serve.class,
      Demo.class,
      Main.RegistryCommand.class,
      ImportCommands.CatalogCommand.class,
      ImportCommands.Icd10Command.class,
      Main.TokenCommand.class,
      Main.ReceiptKeyCommand.class,
      FundSimCommand.class
    })
public final class Main implements Runnable {
  /** Exit code for a configuration or usage problem. */
  static final int BAD_SETUP = 2;

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parsed) -> {
          if (e instanceof ConfigException
              || e instanceof CsvException
              || e instanceof ReferenceDataException
              || e instanceof IllegalArgumentException
              || e instanceof IOException) {
            commandLine.getErr().println("gateway: " + e.getMessage());
            return BAD_SETUP;
          }
          throw e;
        });
    System.exit(cli.execute(args));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Runs the gateway against the configured database until stopped. */
  @Command(
      name = "serve",
      description = "Run the gateway against the configured database and fund.")
  static final class Serve implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      GatewayConfig config = ConfigFiles.load();
      GatewayApp app = GatewayApp.start(config, Clock.system(config.zone()));
      awaitShutdown(app);
      return 0;
    }
  }

  /** {@code registry import FILE.csv}. */
  @Command(name = "registry", description = "Manage the card registry.", subcommands = Import.class)
  static final class RegistryCommand implements Runnable {
    @Override
    public void run() {
      new CommandLine(this).usage(System.out);
    }
  }

  /** Loads or refreshes registry rows from a CSV file. */
  @Command(name = "import", description = "Load or refresh card registry rows from a CSV file.")
  static final class Import implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.csv", description = "UTF-8 CSV with a header row")
    Path file;

    @Override
    public Integer call() throws Exception {
      return ImportCommands.importFile(
          file, (config, ds, in, progress) -> new RegistryImporter(ds).importCsv(in, progress));
    }
  }

  /** {@code token create}. */
  @Command(name = "token", description = "Manage bearer tokens.", subcommands = CreateToken.class)
  static final class TokenCommand implements Runnable {
    @Override
    public void run() {
      new CommandLine(this).usage(System.out);
    }
  }

  /** Creates a token and prints it once. */
  @Command(
      name = "create",
      description = "Create a bearer token; it is printed once, alone on the last line.")
  static final class CreateToken implements Callable<Integer> {
    @Option(
        names = "--role",
        required = true,
        description = "reception, billing, inspector or admin")
    String role;

    @Option(names = "--name", required = true, description = "who holds it: a desk, a system")
    String name;

    @Option(
        names = "--clerk-name",
        description =
            "a reception token's clerk, by full name: its card checks use the fund's 2024 check"
                + " with this clerk (with --clerk-citizen-id)")
    @Nullable String clerkName;

    @Option(
        names = "--clerk-citizen-id",
        description = "the clerk's 12-digit citizen ID, as registered with the fund")
    @Nullable String clerkCitizenId;

    @Override
    public Integer call() throws Exception {
      Role parsed = Role.parse(role);
      GatewayConfig config = ConfigFiles.load();
      requireDb(config);
      try (var ds = Database.open(config.db(), null)) {
        String token =
            new JdbcTokenStore(ds, Runnable::run).create(parsed, name, clerkName, clerkCitizenId);
        System.out.println(
            "token for " + name.strip() + " (role " + parsed.code() + "); it is not shown again:");
        System.out.println(token);
      }
      return 0;
    }
  }

  /** {@code receipt-key rotate}. */
  @Command(
      name = "receipt-key",
      description = "Manage the keys that sign card-check receipts.",
      subcommands = RotateReceiptKey.class)
  static final class ReceiptKeyCommand implements Runnable {
    @Override
    public void run() {
      new CommandLine(this).usage(System.out);
    }
  }

  /** Adds a receipt key one version above the key file's highest. */
  @Command(
      name = "rotate",
      description =
          "Add a new receipt key to receipt.key-file, one version above its highest: it signs"
              + " the receipts of a gateway started afterwards; the older keys still verify theirs.")
  static final class RotateReceiptKey implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      GatewayConfig config = ConfigFiles.load();
      if (!config.audit().receiptKeys().isEmpty()) {
        throw new IllegalArgumentException(
            "receipt.keys (GATEWAY_RECEIPT_KEYS) is set: its keys are the configuration's; add a"
                + " version there instead");
      }
      Path file = config.audit().receiptKeyFile();
      int version = ReceiptKeys.rotate(file);
      System.out.println(
          "receipt key " + version + " added to " + file + "; restart the gateway to sign with it");
      return 0;
    }
  }

  static void requireDb(GatewayConfig config) {
    if (!config.db().configured()) {
      throw new IllegalArgumentException(
          "db.url (GATEWAY_DB_URL) is empty: set it to the gateway's database, e.g. jdbc:mariadb://127.0.0.1:3306/bhyt");
    }
  }

  static void awaitShutdown(AutoCloseable... parts) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (AutoCloseable p : parts) {
                    try {
                      p.close();
                    } catch (Exception e) {
                      System.err.println("gateway: error while stopping: " + e);
                    }
                  }
                  stopped.countDown();
                },
                "shutdown"));
    stopped.await();
  }
}
