package vn.bhyt.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The largest request body accepted, by path: one limit for every path, and larger or smaller ones
 * for the paths under a prefix ({@code /api/v1/claims} takes whole claim envelopes).
 *
 * @param defaultBytes the limit of every path no prefix names
 * @param byPrefix path prefix (starting and not ending with {@code /}) to its limit; the first
 *     prefix that matches wins
 */
public record BodyLimits(int defaultBytes, Map<String, Integer> byPrefix) {

  public BodyLimits {
    requirePositive("defaultBytes", defaultBytes);
    byPrefix.forEach(
        (prefix, bytes) -> {
          if (!prefix.startsWith("/") || (prefix.length() > 1 && prefix.endsWith("/"))) {
            throw new IllegalArgumentException(
                "prefix: '" + prefix + "' (expected: starting and not ending with /)");
          }
          requirePositive(prefix, bytes);
        });
    byPrefix = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byPrefix));
  }

  /** One limit for every path. */
  public static BodyLimits of(int bytes) {
    return new BodyLimits(bytes, Map.of());
  }

  /** The same limits with another one for the paths under a prefix. */
  public BodyLimits with(String prefix, int bytes) {
    Map<String, Integer> more = new LinkedHashMap<>(byPrefix);
    more.put(prefix, bytes);
    return new BodyLimits(defaultBytes, more);
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

  private static void requirePositive(String name, int bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException(name + ": " + bytes + " (expected: >= 1)");
    }
  }
}
