package vn.bhyt.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * Writes an {@link OffsetDateTime} as ISO-8601 text, always with seconds: {@code
 * 2026-11-23T08:15:00+07:00}, a fraction of 3, 6 or 9 digits only when there is one.
 *
 * <p>The same text as {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME} up to the fraction's length,
 * built without a formatter: it is written once per answer.
 */
final class OffsetDateTimeWriter extends StdSerializer<OffsetDateTime> {

  OffsetDateTimeWriter() {
    super(OffsetDateTime.class);
  }

  @Override
  public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    gen.writeString(format(value));
  }

  static String format(OffsetDateTime value) {
    StringBuilder s = new StringBuilder(35);
    s.append(value.toLocalDate()).append('T');
    LocalTime t = value.toLocalTime();
    two(s, t.getHour()).append(':');
    two(s, t.getMinute()).append(':');
    two(s, t.getSecond());
    int nano = t.getNano();
    if (nano != 0) {
      s.append('.');
      if (nano % 1_000_000 == 0) {
        s.append(Integer.toString(nano / 1_000_000 + 1_000), 1, 4);
      } else if (nano % 1_000 == 0) {
        s.append(Integer.toString(nano / 1_000 + 1_000_000), 1, 7);
      } else {
        s.append(Integer.toString(nano + 1_000_000_000), 1, 10);
      }
    }
    return s.append(value.getOffset().getId()).toString();
  }

  private static StringBuilder two(StringBuilder s, int n) {
    return s.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
  }
}
