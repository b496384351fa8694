package vn.bhyt.verifier.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link CheckAnswer} field by field, with its field names encoded once: every card check
 * and check-in writes one, and this is faster than Jackson's generic bean serialisation of it.
 *
 * <p>The document is the record's: its fields in their order, null values written as {@code null},
 * except a missing {@code coverage}, which is left out. {@code CheckAnswerWriterTest} holds the
 * writer to the generic serialisation of the same records.
 */
final class CheckAnswerWriter extends StdSerializer<CheckAnswer> {
  private static final SerializableString RESULT = name("result");
  private static final SerializableString OUTCOME = name("outcome");
  private static final SerializableString MESSAGE = name("message");
  private static final SerializableString REASONS = name("reasons");
  private static final SerializableString CARD = name("card");
  private static final SerializableString COVERAGE = name("coverage");
  private static final SerializableString SOURCE = name("source");
  private static final SerializableString CHECK_ID = name("checkId");
  private static final SerializableString CHECKED_AT = name("checkedAt");
  private static final SerializableString RECEIPT = name("receipt");
  private static final SerializableString CODE = name("code");
  private static final SerializableString SEVERITY = name("severity");
  private static final SerializableString NUMBER = name("number");
  private static final SerializableString SSN = name("ssn");
  private static final SerializableString MODEL = name("model");
  private static final SerializableString GROUP = name("group");
  private static final SerializableString BENEFIT_LEVEL = name("benefitLevel");
  private static final SerializableString PROVINCE = name("province");
  private static final SerializableString NAME = name("name");
  private static final SerializableString BIRTH_DATE = name("birthDate");
  private static final SerializableString SEX = name("sex");
  private static final SerializableString ADDRESS = name("address");
  private static final SerializableString REGISTERED_FACILITY = name("registeredFacility");
  private static final SerializableString VALID_FROM = name("validFrom");
  private static final SerializableString VALID_TO = name("validTo");
  private static final SerializableString ISSUED_ON = name("issuedOn");
  private static final SerializableString LIVING_AREA = name("livingArea");
  private static final SerializableString FIVE_YEARS_FROM = name("fiveYearsFrom");
  private static final SerializableString REPLACED_BY = name("replacedBy");
  private static final SerializableString PERCENT = name("percent");
  private static final SerializableString ROUTE = name("route");
  private static final SerializableString EXPLANATION = name("explanation");

  CheckAnswerWriter() {
    super(CheckAnswer.class);
  }

  @Override
  public void serialize(CheckAnswer a, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    gen.writeStartObject(a);
    string(gen, RESULT, a.result());
    string(gen, OUTCOME, a.outcome());
    text(gen, MESSAGE, a.message());
    gen.writeFieldName(REASONS);
    if (a.reasons() == null) {
      gen.writeNull();
    } else {
      gen.writeStartArray();
      for (CheckAnswer.Reason r : a.reasons()) {
        reason(gen, r);
      }
      gen.writeEndArray();
    }
    gen.writeFieldName(CARD);
    if (a.card() == null) {
      gen.writeNull();
    } else {
      card(gen, a.card());
    }
    if (a.coverage() != null) {
      gen.writeFieldName(COVERAGE);
      coverage(gen, a.coverage());
    }
    string(gen, SOURCE, a.source());
    string(gen, CHECK_ID, a.checkId());
    gen.writeFieldName(CHECKED_AT);
    if (a.checkedAt() == null) {
      gen.writeNull();
    } else {
      provider.defaultSerializeValue(a.checkedAt(), gen);
    }
    string(gen, RECEIPT, a.receipt());
    gen.writeEndObject();
  }

  private static void reason(JsonGenerator gen, CheckAnswer.Reason r) throws IOException {
    gen.writeStartObject();
    string(gen, CODE, r.code());
    string(gen, RESULT, r.result());
    string(gen, SEVERITY, r.severity());
    text(gen, MESSAGE, r.message());
    gen.writeEndObject();
  }

  private static void card(JsonGenerator gen, CheckAnswer.Card c) throws IOException {
    gen.writeStartObject();
    string(gen, NUMBER, c.number());
    string(gen, SSN, c.ssn());
    string(gen, MODEL, c.model());
    string(gen, GROUP, c.group());
    gen.writeFieldName(BENEFIT_LEVEL);
    if (c.benefitLevel() == null) {
      gen.writeNull();
    } else {
      gen.writeNumber(c.benefitLevel());
    }
    string(gen, PROVINCE, c.province());
    string(gen, NAME, c.name());
    string(gen, BIRTH_DATE, c.birthDate());
    string(gen, SEX, c.sex());
    string(gen, ADDRESS, c.address());
    string(gen, REGISTERED_FACILITY, c.registeredFacility());
    date(gen, VALID_FROM, c.validFrom());
    date(gen, VALID_TO, c.validTo());
    date(gen, ISSUED_ON, c.issuedOn());
    string(gen, LIVING_AREA, c.livingArea());
    date(gen, FIVE_YEARS_FROM, c.fiveYearsFrom());
    string(gen, REPLACED_BY, c.replacedBy());
    gen.writeEndObject();
  }

  private static void coverage(JsonGenerator gen, CheckAnswer.CoverageBlock c) throws IOException {
    gen.writeStartObject();
    gen.writeFieldName(PERCENT);
    BigDecimal percent = c.percent();
    if (percent == null) {
      gen.writeNull();
    } else {
      gen.writeNumber(percent);
    }
    string(gen, ROUTE, c.route());
    gen.writeFieldName(EXPLANATION);
    List<String> lines = c.explanation();
    if (lines == null) {
      gen.writeNull();
    } else {
      gen.writeStartArray();
      for (String line : lines) {
        text(gen, line);
      }
      gen.writeEndArray();
    }
    gen.writeEndObject();
  }

  private static void string(JsonGenerator gen, SerializableString name, @Nullable String value)
      throws IOException {
    gen.writeFieldName(name);
    if (value == null) {
      gen.writeNull();
    } else {
      gen.writeString(value);
    }
  }

  /** A text for reception: copied in its JSON encoding when {@link Messages} made it. */
  private static void text(JsonGenerator gen, SerializableString name, String value)
      throws IOException {
    gen.writeFieldName(name);
    text(gen, value);
  }

  private static void text(JsonGenerator gen, String value) throws IOException {
    SerializableString encoded = value == null ? null : Messages.encoded(value);
    if (encoded == null) {
      gen.writeString(value);
    } else {
      gen.writeString(encoded);
    }
  }

  /** ISO dates, as the mapper's date module writes them. */
  private static void date(JsonGenerator gen, SerializableString name, @Nullable LocalDate value)
      throws IOException {
    gen.writeFieldName(name);
    if (value == null) {
      gen.writeNull();
    } else {
      gen.writeString(value.toString());
    }
  }

  private static SerializableString name(String name) {
    return new SerializedString(name);
  }
}
