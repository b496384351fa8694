package vn.bhyt.http;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Request ids: the client's {@code X-Request-Id} when it is sane, else a new random one. */
final class RequestIds {
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private RequestIds() {}

  static String next() {
    long bits = ThreadLocalRandom.current().nextLong();
    return Long.toString(bits & Long.MAX_VALUE, 36);
  }

  static String from(String header) {
    return header != null && SANE.matcher(header).matches() ? header : next();
  }
}
