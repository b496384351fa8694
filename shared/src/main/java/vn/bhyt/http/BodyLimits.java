package vn.bhyt.http;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The largest request body accepted, by path: one limit for every path, and larger or smaller ones
 * for the paths under a prefix ({@code /api/v1/claims} takes whole claim envelopes); and the paths
 * whose bodies are spooled to a file instead of gathered in memory.
 *
 * @param defaultBytes the limit of every path no prefix names
 * @param byPrefix path prefix (starting and not ending with {@code /}) to its limit; the first
 *     prefix that matches wins
 * @param spooled path prefixes whose bodies are written to a temporary file as they arrive, which
 *     routes read with {@link Request#openBody()}; other bodies are gathered in memory
 * @param spoolDirectory where those files go; null for {@code java.io.tmpdir}
 */
public record BodyLimits(
    int defaultBytes,
    Map<String, Integer> byPrefix,
    Set<String> spooled,
    @Nullable Path spoolDirectory) {

  public BodyLimits {
    requirePositive("defaultBytes", defaultBytes);
    byPrefix.forEach(
        (prefix, bytes) -> {
          requirePrefix(prefix);
          requirePositive(prefix, bytes);
        });
    spooled.forEach(BodyLimits::requirePrefix);
    byPrefix = Collections.unmodifiableMap(new LinkedHashMap<>(byPrefix));
    spooled = Collections.unmodifiableSet(new LinkedHashSet<>(spooled));
  }

  public BodyLimits(int defaultBytes, Map<String, Integer> byPrefix) {
    this(defaultBytes, byPrefix, Set.of(), null);
  }

  /** One limit for every path. */
  public static BodyLimits of(int bytes) {
    return new BodyLimits(bytes, Map.of());
  }

  /** The same limits with another one for the paths under a prefix. */
  public BodyLimits with(String prefix, int bytes) {
    Map<String, Integer> more = new LinkedHashMap<>(byPrefix);
    more.put(prefix, bytes);
    return new BodyLimits(defaultBytes, more, spooled, spoolDirectory);
  }

  /** The same limits, with the bodies of the paths under a prefix spooled to a file. */
  public BodyLimits spooled(String prefix) {
    Set<String> more = new LinkedHashSet<>(spooled);
    more.add(prefix);
    return new BodyLimits(defaultBytes, byPrefix, more, spoolDirectory);
  }

  /** The same limits, with spooled bodies written to files in a directory. */
  public BodyLimits spoolingIn(@Nullable Path directory) {
    return new BodyLimits(defaultBytes, byPrefix, spooled, directory);
  }

  /** The limit of a request target (path with an optional query), such as {@code /a/b?c=d}. */
  public int forTarget(String target) {
    for (Map.Entry<String, Integer> e : byPrefix.entrySet()) {
      if (under(target, e.getKey())) {
        return e.getValue();
      }
    }
    return defaultBytes;
  }

  /** Whether the body of a request target is spooled to a file. */
  public boolean spools(String target) {
    for (String prefix : spooled) {
      if (under(target, prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Whether any path has a body limit or a body handling of its own. */
  boolean varies() {
    return !byPrefix.isEmpty() || !spooled.isEmpty();
  }

  private static boolean under(String target, String prefix) {
    if (!target.startsWith(prefix)) {
      return false;
    }
    if (target.length() == prefix.length()) {
      return true;
    }
    char next = target.charAt(prefix.length());
    return next == '/' || next == '?' || next == '#';
  }

  private static void requirePrefix(String prefix) {
    if (!prefix.startsWith("/") || (prefix.length() > 1 && prefix.endsWith("/"))) {
      throw new IllegalArgumentException(
          "prefix: '" + prefix + "' (expected: starting and not ending with /)");
    }
  }

  private static void requirePositive(String name, int bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException(name + ": " + bytes + " (expected: >= 1)");
    }
  }
}
