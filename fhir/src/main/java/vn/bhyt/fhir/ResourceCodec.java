package vn.bhyt.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.parser.IJsonLikeParser;
import ca.uhn.fhir.parser.json.jackson.JacksonWriter;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Resource;

/**
 * The JSON form of stored resources: versions stamped with id and meta and encoded once, and stored
 * JSON parsed back with the version in the id.
 */
final class ResourceCodec {
  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
  private static final JsonFactory PLAIN_JSON =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private final FhirContext ctx;

  ResourceCodec(FhirContext ctx) {
    this.ctx = ctx;
  }

  FhirContext context() {
    return ctx;
  }

  /** A resource as stored and its JSON. */
  record Stamped<T extends Resource>(T resource, StoredJson json) {}

  /**
   * The resource as stored: a copy with id and meta, and its JSON. References to in-memory
   * resources are stored as their ids; the copy keeps them as given.
   */
  <T extends Resource> Stamped<T> stamp(T resource, String id, int version, Instant at) {
    @SuppressWarnings("unchecked")
    T copy = (T) resource.copy();
    String v = Integer.toString(version);
    copy.setId(new IdType(copy.fhirType(), id, v));
    copy.getMeta().setVersionId(v);
    copy.getMeta()
        .setLastUpdatedElement(new InstantType(Date.from(at), TemporalPrecisionEnum.MILLI, UTC));
    String json = encode(copy);
    return new Stamped<>(copy, new StoredJson(copy.fhirType(), id, version, at, json));
  }

  /**
   * HAPI's JSON encoding of a resource, written by a generator without an object mapper: HAPI's own
   * hands every value to Jackson's {@code ObjectMapper}, which writes strings, numbers and booleans
   * as the generator does, only slower.
   */
  String encode(Resource resource) {
    StringWriter out = new StringWriter(2_048);
    try {
      JacksonWriter writer = new JacksonWriter(PLAIN_JSON, out);
      ((IJsonLikeParser) ctx.newJsonParser()).encodeResourceToJsonLikeWriter(resource, writer);
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** A stored resource, parsed with its version in its id. */
  Resource parse(String body) {
    return withVersionedId((Resource) ctx.newJsonParser().parseResource(body));
  }

  /** A stored resource of the class of another, parsed with its version in its id. */
  <T extends Resource> T parseLike(T like, String body) {
    @SuppressWarnings("unchecked")
    Class<T> cls = (Class<T>) like.getClass();
    return withVersionedId(ctx.newJsonParser().parseResource(cls, body));
  }

  private static <T extends Resource> T withVersionedId(T r) {
    r.setId(new IdType(r.fhirType(), r.getIdElement().getIdPart(), r.getMeta().getVersionId()));
    return r;
  }
}
