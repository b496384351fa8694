package vn.bhyt.gateway;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.bhyt.config.GatewayConfig;
import vn.bhyt.fundsim.Faults;
import vn.bhyt.fundsim.FundSim;

/** {@code fund-sim}: the simulated fund alone, until stopped. */
@Command(
    name = "fund-sim",
    description = "Run the simulated fund (the fund's API of reference section 7) alone.")
final class FundSimCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "8091", description = "API port (0: any free port)")
  int port;

  @Option(
      names = "--admin-port",
      defaultValue = "0",
      description = "admin port, on 127.0.0.1 only (0: any free port)")
  int adminPort;

  @Option(
      names = "--registry",
      paramLabel = "FILE.csv",
      description = "cards in the registry import format (default: the built-in data set)")
  @Nullable Path registry;

  @Option(names = "--user", description = "the account, <facility>_BV (default: fund.user)")
  @Nullable String user;

  @Option(names = "--password", description = "its password (default: fund.password)")
  @Nullable String password;

  @Option(names = "--state", paramLabel = "FILE", description = "keep transactions in this file")
  @Nullable Path state;

  @Option(names = "--faults", paramLabel = "FILE.json", description = "faults to start with")
  @Nullable Path faults;

  @Option(names = "--seed", defaultValue = "2026", description = "seed of the random faults")
  long seed;

  @Option(
      names = "--assessment-delay",
      defaultValue = "PT30S",
      description = "how long results stay DANG_XU_LY (ISO-8601 duration)")
  Duration assessmentDelay;

  @Option(names = "--codes-as-numbers", description = "send result codes as JSON numbers")
  boolean codesAsNumbers;

  @Option(names = "--http-401", description = "answer unknown tokens with HTTP 401, not 200")
  boolean http401;

  @Override
  public Integer call() throws Exception {
    GatewayConfig config = ConfigFiles.load();
    FundSim.Builder b =
        FundSim.builder(user(config), password(config))
            .port(port)
            .adminPort(adminPort)
            .zone(config.zone())
            .seed(seed)
            .assessmentDelay(assessmentDelay)
            .codesAsNumbers(codesAsNumbers)
            .unauthorisedAsHttp401(http401);
    if (faults != null) {
      b.faults(Faults.fromJson(Files.readString(faults, StandardCharsets.UTF_8)));
    }
    if (state != null) {
      b.state(state);
    }
    FundSim sim;
    if (registry != null) {
      try (Reader in = Files.newBufferedReader(registry, StandardCharsets.UTF_8)) {
        sim = b.registry(in).start();
      }
    } else {
      sim = b.start();
    }
    Main.awaitShutdown(sim);
    return 0;
  }

  private String user(GatewayConfig config) {
    if (user != null) {
      return user;
    }
    String configured = config.fund().user();
    return configured.isEmpty() ? config.facility().code().value() + "_BV" : configured;
  }

  private String password(GatewayConfig config) {
    if (password != null) {
      return password;
    }
    String configured = config.fund().password().value();
    if (configured.isEmpty()) {
      throw new IllegalArgumentException(
          "fund.password (GATEWAY_FUND_PASSWORD) is empty: set it or pass --password");
    }
    return configured;
  }
}
