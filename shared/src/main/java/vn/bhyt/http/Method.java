package vn.bhyt.http;

import org.jspecify.annotations.Nullable;

/** The request methods routes are registered for. */
public enum Method {
  GET,
  HEAD,
  POST,
  PUT,
  PATCH,
  DELETE,
  OPTIONS;

  private static final Method[] ALL = values();

  /** The method of this name (case-sensitive, as HTTP's method tokens are), or null if none. */
  public static @Nullable Method named(String name) {
    for (Method m : ALL) {
      if (m.name().equals(name)) {
        return m;
      }
    }
    return null;
  }
}
