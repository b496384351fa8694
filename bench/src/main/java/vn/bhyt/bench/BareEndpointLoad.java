package vn.bhyt.bench;

import java.time.Duration;

/**
 * A command that loads a {@link BareEndpoint} with the {@link LoadDriver} in the same JVM and
 * prints the result with the machine it ran on.
 *
 * <p>Arguments, all optional: connections (50), warm-up seconds (5), measured seconds (15), client
 * threads (1), server threads (1), microseconds the server's event loops poll before they sleep (0;
 * the gateway's {@code http.busy-poll-micros}).
 */
public final class BareEndpointLoad {

  private BareEndpointLoad() {}

  /** Runs the load and prints one result line and one machine line. */
  public static void main(String[] args) throws InterruptedException {
    int connections = intArg(args, 0, 50);
    int warmUpSeconds = intArg(args, 1, 5);
    int seconds = intArg(args, 2, 15);
    int clientThreads = intArg(args, 3, 1);
    int serverThreads = intArg(args, 4, 1);
    Duration busyPoll = Duration.ofNanos(1_000L * intArg(args, 5, 0));
    try (BareEndpoint endpoint = BareEndpoint.start(0, serverThreads, busyPoll)) {
      LoadSpec spec =
          LoadSpec.get(endpoint.uri("/"))
              .withConnections(connections)
              .withWarmUp(Duration.ofSeconds(warmUpSeconds))
              .withDuration(Duration.ofSeconds(seconds))
              .withClientThreads(clientThreads);
      LoadResult result = LoadDriver.run(spec);
      System.out.printf(
          "bare endpoint: connections=%d client-threads=%d server-threads=%d busy-poll=%dus"
              + " warm-up=%ds%n",
          connections, clientThreads, serverThreads, busyPoll.toNanos() / 1_000, warmUpSeconds);
      System.out.println(result.format());
      System.out.println(machine());
    }
  }

  /** Returns the processor count, operating system and Java runtime on one line. */
  static String machine() {
    return String.format(
        "nproc=%d os=%s %s %s java=%s %s",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("os.arch"),
        System.getProperty("java.runtime.version"),
        System.getProperty("java.vm.name"));
  }

  static int intArg(String[] args, int index, int fallback) {
    if (args.length <= index) {
      return fallback;
    }
    try {
      return Integer.parseInt(args[index]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "argument " + (index + 1) + ": " + args[index] + " (expected: an integer)", e);
    }
  }
}
