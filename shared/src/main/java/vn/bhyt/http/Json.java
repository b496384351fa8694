package vn.bhyt.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.io.IOException;
import java.time.OffsetDateTime;

/**
 * The one JSON mapper of the gateway: ISO dates, strict reading, generated accessors (Blackbird)
 * instead of reflection.
 */
public final class Json {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .registerModule(new BlackbirdModule())
          .registerModule(
              new SimpleModule("offset-date-time")
                  .addSerializer(OffsetDateTime.class, new OffsetDateTimeWriter()))
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Serialises a value to UTF-8 JSON. */
  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getName(), e);
    }
  }

  /**
   * Parses a UTF-8 JSON document into a tree.
   *
   * @throws IOException when it is not one well-formed JSON value
   */
  public static JsonNode readTree(byte[] body) throws IOException {
    JsonNode node = MAPPER.readTree(body);
    if (node == null || node.isMissingNode()) {
      throw new IOException("no JSON value");
    }
    return node;
  }
}
