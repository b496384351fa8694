package vn.bhyt.verifier.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.domain.VisitKind;
import vn.bhyt.problem.ProblemException;
import vn.bhyt.problem.ProblemType;
import vn.bhyt.verifier.card.CardPayload;
import vn.bhyt.verifier.card.CardQrParser;
import vn.bhyt.verifier.card.CitizenIdPayload;
import vn.bhyt.verifier.card.QrParseException;
import vn.bhyt.verifier.card.Scan;
import vn.bhyt.verifier.check.CheckRequest;
import vn.bhyt.verifier.rules.Evidence;

/**
 * Reads card-check requests from JSON objects and from decoded scanner text with its parameters,
 * answering what it cannot read with a problem. Problem details name fields, never their values.
 */
public final class CheckRequests {
  /** The fields of a card-check request body. */
  public static final Set<String> FIELDS = Set.of("qr", "cardNumber", "name", "birthDate", "visit");

  private static final Set<String> VISIT_FIELDS = Set.of("date", "kind", "referral");

  private CheckRequests() {}

  /** Reads a card-check request from a JSON object, allowing only the card-check fields. */
  public static CheckRequest fromJson(JsonNode node) {
    rejectUnknown(node, FIELDS, "");
    return fromJsonFields(node);
  }

  /** Reads the card-check fields of a JSON object that may carry others (checked by the caller). */
  public static CheckRequest fromJsonFields(JsonNode node) {
    String qr = text(node, "qr", CardQrParser.MAX_LENGTH);
    String number = text(node, "cardNumber", 20);
    if ((qr == null) == (number == null)) {
      throw fields("send exactly one of 'qr' and 'cardNumber'");
    }
    Evidence evidence;
    if (qr != null) {
      if (node.hasNonNull("name") || node.hasNonNull("birthDate")) {
        throw fields("'name' and 'birthDate' go with 'cardNumber', not with 'qr'");
      }
      evidence = evidence(parseQr(qr));
    } else {
      String birth = text(node, "birthDate", 10);
      evidence =
          new Evidence.Typed(
              CardNumber.of(number),
              text(node, "name", 200),
              birth == null ? null : partialDate(birth, "birthDate"));
    }
    JsonNode visit = node.get("visit");
    if (visit == null || visit.isNull()) {
      return new CheckRequest(evidence, null, VisitKind.OUTPATIENT, false);
    }
    if (!visit.isObject()) {
      throw fields("'visit' must be an object");
    }
    rejectUnknown(visit, VISIT_FIELDS, "visit.");
    String date = text(visit, "date", 10);
    String kind = text(visit, "kind", 20);
    JsonNode referral = visit.get("referral");
    if (referral != null && !referral.isNull() && !referral.isBoolean()) {
      throw fields("'visit.referral' must be true or false");
    }
    return new CheckRequest(
        evidence,
        date == null ? null : date(date, "visit.date"),
        kind == null ? VisitKind.OUTPATIENT : kind(kind, "visit.kind"),
        referral != null && referral.asBoolean(false));
  }

  /**
   * Reads decoded QR text and the visit from parameters ({@code visitDate}, {@code visitKind},
   * {@code referral}), each looked up by name and null when absent.
   */
  public static CheckRequest fromScan(String qrText, Function<String, String> parameters) {
    Evidence evidence = evidence(parseQr(qrText));
    String date = parameters.apply("visitDate");
    String kind = parameters.apply("visitKind");
    String referral = parameters.apply("referral");
    if (referral != null && !referral.equals("true") && !referral.equals("false")) {
      throw new ProblemException(ProblemType.BAD_PARAMETER, "referral must be true or false");
    }
    return new CheckRequest(
        evidence,
        date == null
            ? null
            : parameter(() -> LocalDate.parse(date), "visitDate must be yyyy-MM-dd"),
        kind == null
            ? VisitKind.OUTPATIENT
            : parameter(
                () -> VisitKind.parse(kind),
                "visitKind must be outpatient, inpatient or emergency"),
        "true".equals(referral));
  }

  private static Scan parseQr(String text) {
    try {
      return CardQrParser.parse(text);
    } catch (QrParseException e) {
      throw new ProblemException(
          ProblemType.NOT_A_CARD, e.getMessage(), java.util.Map.of("reason", e.reason().name()));
    }
  }

  /**
   * The evidence of scanned QR text, or a 422 problem when it is not a card or citizen-ID payload.
   */
  public static Evidence evidenceOf(String qrText) {
    return evidence(parseQr(qrText));
  }

  private static Evidence evidence(Scan scan) {
    return scan instanceof CardPayload card
        ? new Evidence.Scanned(card)
        : new Evidence.Citizen((CitizenIdPayload) scan);
  }

  private static void rejectUnknown(JsonNode node, Set<String> allowed, String prefix) {
    unknownField(node, allowed)
        .ifPresent(
            name -> {
              throw fields("unknown field '" + prefix + name + "'");
            });
  }

  /** The first field of an object that is not allowed, cut to 40 characters, if there is one. */
  public static Optional<String> unknownField(JsonNode node, Set<String> allowed) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        return Optional.of(name.length() > 40 ? name.substring(0, 40) + "…" : name);
      }
    }
    return Optional.empty();
  }

  private static @Nullable String text(JsonNode node, String field, int max) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw fields("'" + field + "' must be a string");
    }
    if (v.textValue().length() > max) {
      throw fields("'" + field + "' is longer than " + max + " characters");
    }
    return v.textValue();
  }

  private static LocalDate date(String v, String field) {
    try {
      return LocalDate.parse(v);
    } catch (DateTimeException e) {
      throw fields("'" + field + "' must be a date yyyy-MM-dd");
    }
  }

  private static PartialDate partialDate(String v, String field) {
    try {
      return PartialDate.parse(v);
    } catch (DateTimeException | IllegalArgumentException e) {
      throw fields("'" + field + "' must be yyyy-MM-dd or yyyy");
    }
  }

  private static VisitKind kind(String v, String field) {
    try {
      return VisitKind.parse(v);
    } catch (IllegalArgumentException e) {
      throw fields("'" + field + "' must be outpatient, inpatient or emergency");
    }
  }

  private static <T> T parameter(java.util.function.Supplier<T> parse, String detail) {
    try {
      return parse.get();
    } catch (DateTimeException | IllegalArgumentException e) {
      throw new ProblemException(ProblemType.BAD_PARAMETER, detail);
    }
  }

  private static ProblemException fields(String detail) {
    return new ProblemException(ProblemType.INVALID_JSON_FIELDS, detail);
  }
}
