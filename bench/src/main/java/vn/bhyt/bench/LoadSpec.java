package vn.bhyt.bench;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A description of one closed-loop HTTP/1.1 load run against a loopback address.
 *
 * <p>Each of {@code connections} keep-alive connections sends a request, waits for the whole
 * response and then sends the next one. Requests run for {@code warmUp} unmeasured and then for
 * {@code duration} measured; a response not complete within {@code requestTimeout} counts as a
 * timeout and its connection is replaced. The {@code body} supplier is called once per request,
 * from the client's event-loop threads, so it must be thread-safe when {@code clientThreads > 1}.
 *
 * @param uri target, {@code http://127.0.0.1:PORT/path?query}; the host must be a loopback address
 *     literal
 * @param method request method, such as {@code GET} or {@code POST}
 * @param headers extra request headers, such as {@code Authorization} or {@code Content-Type}
 * @param body supplies the body of each request; an empty array sends no body
 * @param targets supplies the request target (path and query) of each request, or null for the
 *     uri's
 * @param connections number of concurrent connections, each with at most one request in flight
 * @param warmUp time spent sending requests before measuring
 * @param duration time measured
 * @param clientThreads number of event-loop threads of the client
 * @param requestTimeout longest wait for a complete response
 */
public record LoadSpec(
    URI uri,
    String method,
    Map<String, String> headers,
    Supplier<byte[]> body,
    Supplier<String> targets,
    int connections,
    Duration warmUp,
    Duration duration,
    int clientThreads,
    Duration requestTimeout) {

  private static final byte[] NO_BODY = new byte[0];

  /** Validates the spec and copies the headers. */
  public LoadSpec {
    requireLoopbackHttp(uri);
    Objects.requireNonNull(method, "method");
    if (method.isBlank()) {
      throw new IllegalArgumentException("method: blank (expected: a token such as GET)");
    }
    headers =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
    Objects.requireNonNull(body, "body");
    requireAtLeastOne("connections", connections);
    requireAtLeastOne("clientThreads", clientThreads);
    requireNotNegative("warmUp", warmUp);
    requirePositive("duration", duration);
    requirePositive("requestTimeout", requestTimeout);
  }

  /**
   * Returns a spec for {@code GET uri} with the defaults: 50 connections, 5 s warm-up, 15 s
   * measured, one client thread and a 5 s request timeout.
   */
  public static LoadSpec get(URI uri) {
    return new LoadSpec(
        uri,
        "GET",
        Map.of(),
        () -> NO_BODY,
        null,
        50,
        Duration.ofSeconds(5),
        Duration.ofSeconds(15),
        1,
        Duration.ofSeconds(5));
  }

  /** Returns a spec for {@code POST uri} with the given content type, body and the defaults. */
  public static LoadSpec post(URI uri, String contentType, Supplier<byte[]> body) {
    return get(uri).withMethod("POST").withHeader("Content-Type", contentType).withBody(body);
  }

  /** Returns a thread-safe supplier that hands out the UTF-8 bytes of {@code bodies} in turn. */
  public static Supplier<byte[]> rotating(List<String> bodies) {
    if (bodies.isEmpty()) {
      throw new IllegalArgumentException("bodies: empty (expected: at least one)");
    }
    byte[][] encoded =
        bodies.stream().map(b -> b.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    AtomicLong next = new AtomicLong();
    return () -> encoded[(int) (next.getAndIncrement() % encoded.length)];
  }

  /** Returns a copy whose requests go to the given paths (with query) in turn, on the same host. */
  public LoadSpec withPaths(List<String> paths) {
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("paths: empty (expected: at least one)");
    }
    List<String> copy = List.copyOf(paths);
    AtomicLong next = new AtomicLong();
    Supplier<String> rotating = () -> copy.get((int) (next.getAndIncrement() % copy.size()));
    return new LoadSpec(
        uri,
        method,
        headers,
        body,
        rotating,
        connections,
        warmUp,
        duration,
        clientThreads,
        requestTimeout);
  }

  /** Returns a copy with {@code method}. */
  public LoadSpec withMethod(String method) {
    return new LoadSpec(
        uri,
        method,
        headers,
        body,
        targets,
        connections,
        warmUp,
        duration,
        clientThreads,
        requestTimeout);
  }

  /** Returns a copy with the header {@code name} set to {@code value}. */
  public LoadSpec withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new LoadSpec(
        uri,
        method,
        copy,
        body,
        targets,
        connections,
        warmUp,
        duration,
        clientThreads,
        requestTimeout);
  }

  /** Returns a copy with {@code body}. */
  public LoadSpec withBody(Supplier<byte[]> body) {
    return new LoadSpec(
        uri,
        method,
        headers,
        body,
        targets,
        connections,
        warmUp,
        duration,
        clientThreads,
        requestTimeout);
  }

  /** Returns a copy with {@code connections}. */
  public LoadSpec withConnections(int connections) {
    return new LoadSpec(
        uri,
        method,
        headers,
        body,
        targets,
        connections,
        warmUp,
        duration,
        clientThreads,
        requestTimeout);
  }

  /** Returns a copy with {@code warmUp}. */
  public LoadSpec withWarmUp(Duration warmUp) {
    return new LoadSpec(
        uri,
        method,
        headers,
        body,
        targets,
        connections,
        warmUp,
        duration,
        clientThreads,
        requestTimeout);
  }

  /** Returns a copy with {@code duration}. */
  public LoadSpec withDuration(Duration duration) {
    return new LoadSpec(
        uri,
        method,
        headers,
        body,
        targets,
        connections,
        warmUp,
        duration,
        clientThreads,
        requestTimeout);
  }

  /** Returns a copy with {@code clientThreads}. */
  public LoadSpec withClientThreads(int clientThreads) {
    return new LoadSpec(
        uri,
        method,
        headers,
        body,
        targets,
        connections,
        warmUp,
        duration,
        clientThreads,
        requestTimeout);
  }

  /** Returns a copy with {@code requestTimeout}. */
  public LoadSpec withRequestTimeout(Duration requestTimeout) {
    return new LoadSpec(
        uri,
        method,
        headers,
        body,
        targets,
        connections,
        warmUp,
        duration,
        clientThreads,
        requestTimeout);
  }

  /** Returns the socket address of the target. */
  public InetSocketAddress address() {
    return new InetSocketAddress(loopbackAddress(uri), uri.getPort() == -1 ? 80 : uri.getPort());
  }

  /** Returns the request target: the raw path, {@code /} when empty, and the raw query. */
  public String target() {
    if (targets != null) {
      return targets.get();
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  /** Returns the value of the {@code Host} header. */
  public String hostHeader() {
    return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }

  private static void requireLoopbackHttp(URI uri) {
    Objects.requireNonNull(uri, "uri");
    if (!"http".equalsIgnoreCase(uri.getScheme()) || loopbackAddress(uri) == null) {
      throw new IllegalArgumentException(
          "uri: " + uri + " (expected: http://127.0.0.1:PORT/path, a loopback address)");
    }
  }

  private static InetAddress loopbackAddress(URI uri) {
    String host = uri.getHost();
    if (host == null) {
      return null;
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    InetAddress address = NetUtil.createInetAddressFromIpAddressString(host);
    return address != null && address.isLoopbackAddress() ? address : null;
  }

  private static void requireAtLeastOne(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: >= 1)");
    }
  }

  private static void requireNotNegative(String name, Duration value) {
    if (Objects.requireNonNull(value, name).isNegative()) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: >= 0)");
    }
  }

  private static void requirePositive(String name, Duration value) {
    if (Objects.requireNonNull(value, name).isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
    }
  }
}
