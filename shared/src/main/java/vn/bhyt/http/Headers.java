package vn.bhyt.http;

import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** A request's header fields, looked up by name regardless of case. */
@FunctionalInterface
public interface Headers {
  Headers NONE = name -> null;

  /** The first value of a header, or null when the request has none. */
  @Nullable String get(String name);

  /** Headers with these fields (names in any case), for handler tests and in-process callers. */
  static Headers of(Map<String, String> fields) {
    TreeMap<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byName.putAll(fields);
    return name -> byName.get(name);
  }
}
