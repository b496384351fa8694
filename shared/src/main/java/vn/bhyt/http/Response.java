package vn.bhyt.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP response to write: status, content type, body and extra headers. Responses are written,
 * never compared; the body is handed to Netty as it is, without a copy.
 */
@SuppressWarnings("ArrayRecordComponent")
public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
  public static final String JSON = "application/json";
  public static final String PROBLEM_JSON = "application/problem+json";

  /** A JSON response. */
  public static Response json(int status, Object value) {
    return new Response(status, JSON, Json.write(value), Map.of());
  }

  /** A plain-text response in UTF-8. */
  public static Response text(int status, String contentType, String text) {
    return new Response(status, contentType, text.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  /** The same response with one more header. */
  public Response withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new Response(status, contentType, body, Map.copyOf(h));
  }
}
