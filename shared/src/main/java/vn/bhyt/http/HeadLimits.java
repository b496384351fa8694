package vn.bhyt.http;

import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequest;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.bhyt.problem.ProblemException;
import vn.bhyt.problem.ProblemType;

/**
 * The limits of a request's head: its request line ({@value #MAX_LINE_BYTES} bytes, 414 beyond) and
 * its header fields ({@value #MAX_HEADER_BYTES} bytes, 431 beyond).
 *
 * <p>The codec itself takes heads up to hard limits several times larger, so that a request over
 * the limits here still reaches the dispatcher with its path, whose failure renderer answers it (an
 * OperationOutcome under {@code /fhir}). Beyond the hard limits the codec cannot keep the request
 * line, and the answer is a problem document.
 */
final class HeadLimits {
  /** The longest request line (method, URI and version with their spaces), in bytes. */
  static final int MAX_LINE_BYTES = 4096;

  /** The most bytes of header fields, each counted as {@code name: value} and its line end. */
  static final int MAX_HEADER_BYTES = 8192;

  /** The longest request line the codec reads. */
  static final int HARD_LINE_BYTES = 64 * 1024;

  /** The most bytes of header fields the codec reads. */
  static final int HARD_HEADER_BYTES = 64 * 1024;

  private HeadLimits() {}

  /** The codec's configuration: the hard limits, and Netty's defaults for the rest. */
  static HttpDecoderConfig decoderConfig() {
    return new HttpDecoderConfig()
        .setMaxInitialLineLength(HARD_LINE_BYTES)
        .setMaxHeaderSize(HARD_HEADER_BYTES);
  }

  /** The problem of a head over the limits, or null when it is within them. */
  static @Nullable ProblemException check(HttpRequest head) {
    long line =
        head.method().name().length()
            + 1L
            + head.uri().length()
            + 1L
            + head.protocolVersion().text().length();
    if (line > MAX_LINE_BYTES) {
      return uriTooLong();
    }
    long fields = 0;
    for (Iterator<Map.Entry<CharSequence, CharSequence>> it = head.headers().iteratorCharSequence();
        it.hasNext(); ) {
      Map.Entry<CharSequence, CharSequence> field = it.next();
      fields += field.getKey().length() + 2L + field.getValue().length() + 2L;
      if (fields > MAX_HEADER_BYTES) {
        return headersTooLarge();
      }
    }
    return null;
  }

  static ProblemException uriTooLong() {
    return new ProblemException(
        ProblemType.URI_TOO_LONG,
        "the request line is longer than "
            + MAX_LINE_BYTES
            + " bytes; send long search"
            + " parameters in the body (POST)");
  }

  static ProblemException headersTooLarge() {
    return new ProblemException(
        ProblemType.HEADERS_TOO_LARGE,
        "the header fields are larger than " + MAX_HEADER_BYTES + " bytes");
  }
}
