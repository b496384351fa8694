package vn.bhyt.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB server of its own in a temporary directory, for the demo and for tests.
 *
 * <p>Uses the machine's {@code mariadbd}. The server listens on 127.0.0.1 only, runs with a
 * watchdog that stops it when this JVM dies, and leaves nothing behind when closed. Commits are
 * flushed to the operating system, not to disk: the data survives the server's crash, not the
 * machine's.
 */
public final class ThrowawayMariaDb implements AutoCloseable {
  private static final List<String> DIRS =
      List.of("/usr/sbin", "/usr/bin", "/usr/local/bin", "/usr/local/sbin");
  private static final String WATCHDOG =
      "\"$@\" & m=$!; trap 'kill $m; wait $m; exit 0' TERM INT;"
          + " while kill -0 %d 2>/dev/null && kill -0 $m 2>/dev/null; do sleep 1; done;"
          + " kill $m 2>/dev/null; wait $m";

  private final Path dir;
  private final Process process;
  private final int port;

  private ThrowawayMariaDb(Path dir, Process process, int port) {
    this.dir = dir;
    this.process = process;
    this.port = port;
  }

  /** Whether this machine has the programs to start one. */
  public static boolean available() {
    return find("mariadbd").isPresent() && find("mariadb-install-db").isPresent();
  }

  /**
   * Creates a data directory, starts the server on a free port and waits until it answers.
   *
   * @throws IllegalStateException when the machine has no MariaDB server programs or it fails
   */
  public static ThrowawayMariaDb start() {
    Path server = find("mariadbd").orElseThrow(() -> missing("mariadbd"));
    Path install = find("mariadb-install-db").orElseThrow(() -> missing("mariadb-install-db"));
    try {
      Path dir = Files.createTempDirectory("bhyt-mariadb-");
      run(
          List.of(
              install.toString(),
              "--no-defaults",
              "--datadir=" + dir.resolve("data"),
              "--user=root",
              "--auth-root-authentication-method=normal",
              "--skip-test-db"),
          dir);
      int port = freePort();
      List<String> cmd =
          new ArrayList<>(
              List.of("sh", "-c", WATCHDOG.formatted(ProcessHandle.current().pid()), "sh"));
      cmd.addAll(serverArgs(server, dir, port));
      Process p =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("server.log").toFile())
              .start();
      ThrowawayMariaDb db = new ThrowawayMariaDb(dir, p, port);
      db.awaitReady(Duration.ofSeconds(60));
      return db;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> serverArgs(Path server, Path dir, int port) {
    return List.of(
        server.toString(),
        "--no-defaults",
        "--user=root",
        "--datadir=" + dir.resolve("data"),
        "--socket=" + dir.resolve("mysqld.sock"),
        "--pid-file=" + dir.resolve("mysqld.pid"),
        "--port=" + port,
        "--bind-address=127.0.0.1",
        "--skip-name-resolve",
        "--character-set-server=utf8mb4",
        "--collation-server=utf8mb4_unicode_ci",
        "--innodb-buffer-pool-size=256M",
        "--innodb-flush-log-at-trx-commit=2",
        "--max-connections=500",
        "--skip-log-bin");
  }

  /** The server's URL without a database, for the root user with no password. */
  public String serverUrl() {
    return "jdbc:mariadb://127.0.0.1:" + port + "/";
  }

  public int port() {
    return port;
  }

  /** Creates an empty database and returns its JDBC URL. */
  public String createDatabase(String name) {
    if (!name.matches("[a-z][a-z0-9_]{0,63}")) {
      throw new IllegalArgumentException(
          "database name: '" + name + "' (expected: [a-z][a-z0-9_]*)");
    }
    try (Connection c = DriverManager.getConnection(serverUrl(), "root", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return serverUrl() + name;
  }

  private void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try (Connection c = DriverManager.getConnection(serverUrl(), "root", "")) {
        if (c.isValid(1)) {
          return;
        }
        sleep(50);
      } catch (SQLException e) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          close();
          throw new IllegalStateException("throwaway MariaDB did not start: " + e.getMessage(), e);
        }
        sleep(50);
      }
    }
  }

  /** Stops the server and deletes its data. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deleteTree(dir);
  }

  private static void run(List<String> command, Path dir) throws IOException {
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("install.log").toFile())
            .start();
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException(
            "mariadb-install-db failed; see " + dir.resolve("install.log"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating a throwaway database", e);
    }
  }

  private static Optional<Path> find(String program) {
    Stream<String> path = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"));
    return Stream.concat(path, DIRS.stream())
        .filter(d -> !d.isEmpty())
        .map(d -> Path.of(d, program))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static IllegalStateException missing(String program) {
    return new IllegalStateException(
        program
            + " not found: install MariaDB (apt-get install mariadb-server) or set GATEWAY_DB_URL");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // the temporary directory is left for the operating system to clean
    }
  }
}
