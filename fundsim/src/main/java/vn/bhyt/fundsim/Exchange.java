package vn.bhyt.fundsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One call to the simulated fund: its parameters (query, form or JSON body) and its answer. */
final class Exchange {
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

  private final HttpExchange http;
  private final Map<String, String> query;
  private @Nullable Map<String, String> body;
  private boolean tooLarge;

  Exchange(HttpExchange http) {
    this.http = http;
    this.query = form(http.getRequestURI().getRawQuery());
  }

  String endpoint() {
    String path = http.getRequestURI().getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  String path() {
    return http.getRequestURI().getPath();
  }

  String method() {
    return http.getRequestMethod();
  }

  @Nullable String query(String name) {
    return query.get(name);
  }

  @Nullable String header(String name) {
    return http.getRequestHeaders().getFirst(name);
  }

  /** A field of the body, form-encoded or a JSON object, whichever it is. */
  @Nullable String field(String name) throws IOException {
    return body().get(name);
  }

  /** Whether the body was over {@code limit} bytes (only after {@link #readBody(int)}). */
  boolean tooLarge() {
    return tooLarge;
  }

  /** Reads a body of at most {@code limit} bytes; a larger one reads as empty and too large. */
  void readBody(int limit) throws IOException {
    if (body != null) {
      return;
    }
    byte[] raw;
    try (InputStream in = http.getRequestBody()) {
      raw = in.readNBytes(limit + 1);
    }
    if (raw.length > limit) {
      tooLarge = true;
      body = Map.of();
      return;
    }
    String text = new String(raw, StandardCharsets.UTF_8);
    String type = header("Content-Type");
    boolean json =
        type != null
            ? type.toLowerCase(Locale.ROOT).contains("json")
            : text.stripLeading().startsWith("{");
    body = json ? json(text) : form(text);
  }

  /** The body as text, at most 64 KiB (admin documents). */
  String rawBody() throws IOException {
    try (InputStream in = http.getRequestBody()) {
      return new String(in.readNBytes(1 << 16), StandardCharsets.UTF_8);
    }
  }

  private Map<String, String> body() throws IOException {
    readBody(1 << 20);
    return body == null ? Map.of() : body;
  }

  private static Map<String, String> json(String text) {
    Map<String, String> out = new HashMap<>();
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node != null && node.isObject()) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          if (e.getValue().isValueNode() && !e.getValue().isNull()) {
            out.put(e.getKey(), e.getValue().asText());
          }
        }
      }
    } catch (IOException e) {
      return out;
    }
    return out;
  }

  static Map<String, String> form(@Nullable String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        out.put(
            URLDecoder.decode(k, StandardCharsets.UTF_8),
            URLDecoder.decode(v, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        out.put(k, v);
      }
    }
    return out;
  }

  void send(int status, Object json) throws IOException {
    byte[] bytes = MAPPER.writeValueAsBytes(json);
    http.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    http.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = http.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Closes the connection without an answer. */
  void drop() {
    http.close();
  }

  boolean fromLoopback() {
    return http.getRemoteAddress().getAddress().isLoopbackAddress();
  }
}
