package vn.bhyt.visits.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import vn.bhyt.domain.VisitKind;
import vn.bhyt.http.QueryParameters;
import vn.bhyt.http.Request;
import vn.bhyt.http.Response;
import vn.bhyt.problem.ProblemException;
import vn.bhyt.problem.ProblemType;
import vn.bhyt.verifier.api.CheckRequests;
import vn.bhyt.verifier.check.CardCheckService;
import vn.bhyt.verifier.check.CheckRequest;
import vn.bhyt.verifier.http.CheckRequestReader;
import vn.bhyt.visits.CheckInService;
import vn.bhyt.visits.DischargeService;
import vn.bhyt.visits.VisitDetails;

/**
 * {@code POST /api/v1/visits} and {@code POST /api/v1/visits/{id}/discharge}: check-in and
 * discharge at reception.
 *
 * <p>A check-in takes the card-check request of {@code /api/v1/cards/verify} plus the visit's
 * fields, in the JSON body or, with scanner text and photos, as query parameters.
 */
public final class VisitsHandler {
  private static final Set<String> VISIT_FIELDS =
      Set.of(
          "department",
          "start",
          "hisPatientId",
          "hisVisitKey",
          "referralNumber",
          "emergency",
          "selfPay",
          "selfPayReason");
  private final CheckInService checkIns;
  private final DischargeService discharges;
  private final CheckRequestReader cards;
  private final Clock clock;

  public VisitsHandler(
      CheckInService checkIns, DischargeService discharges, CheckRequestReader cards, Clock clock) {
    this.checkIns = checkIns;
    this.discharges = discharges;
    this.cards = cards;
    this.clock = clock;
  }

  /** Opens a visit: 201 with the visit id, the check and the resources written. */
  public CompletionStage<Response> checkIn(Request request) {
    if (request.mediaType().equals("application/json")) {
      CheckRequestReader.requireNoParameters(request);
      JsonNode node = CheckRequestReader.jsonObject(request.body());
      rejectUnknown(node);
      VisitDetails visit =
          details(
              field(node, "department"),
              field(node, "start"),
              field(node, "hisPatientId"),
              field(node, "hisVisitKey"),
              field(node, "referralNumber"),
              flag(node, "selfPay"),
              field(node, "selfPayReason"));
      return open(
          adjust(CheckRequests.fromJsonFields(node), visit, flag(node, "emergency")),
          visit,
          request);
    }
    Set<String> known = new HashSet<>(CheckRequestReader.VISIT_PARAMETERS);
    known.addAll(VISIT_FIELDS);
    QueryParameters.requireKnown(request, known);
    VisitDetails visit =
        details(
            request.query("department"),
            request.query("start"),
            request.query("hisPatientId"),
            request.query("hisVisitKey"),
            request.query("referralNumber"),
            "true".equals(request.query("selfPay")),
            request.query("selfPayReason"));
    boolean emergency = "true".equals(request.query("emergency"));
    return cards
        .read(request, VISIT_FIELDS)
        .thenCompose(check -> open(adjust(check, visit, emergency), visit, request));
  }

  private CompletionStage<Response> open(CheckRequest check, VisitDetails visit, Request request) {
    return checkIns
        .checkIn(
            check,
            visit,
            request.principal().name(),
            CardCheckService.clerk(request.principal()),
            request.language())
        .thenApply(
            done -> {
              Map<String, Object> body = new LinkedHashMap<>();
              body.put("visitId", done.visitId());
              body.put("check", done.check());
              body.put("resources", done.resources());
              body.put("opened", done.opened());
              return Response.json(done.opened() ? 201 : 200, body)
                  .withHeader("Location", "/fhir/" + done.resources().get("Encounter"));
            });
  }

  /** Finishes a visit: 200 with the visit id and the Encounter reference. */
  public CompletionStage<Response> discharge(Request request) {
    QueryParameters.requireKnown(request, Set.of());
    JsonNode node =
        request.body().length == 0 ? null : CheckRequestReader.jsonObject(request.body());
    String end = node == null ? null : field(node, "end");
    String type = node == null ? null : field(node, "dischargeType");
    if (type == null || !DischargeService.TYPES.contains(type)) {
      throw invalid("'dischargeType' must be one of " + DischargeService.TYPES);
    }
    OffsetDateTime at = end == null ? OffsetDateTime.now(clock) : dateTime(end, "end");
    String id = request.pathParam("id");
    return discharges
        .discharge(id, at, type)
        .thenApply(
            e ->
                Response.json(
                    200,
                    Map.of("visitId", id, "status", "finished", "encounter", "Encounter/" + id)));
  }

  private VisitDetails details(
      @Nullable String department,
      @Nullable String start,
      @Nullable String patient,
      @Nullable String visitKey,
      @Nullable String referral,
      boolean selfPay,
      @Nullable String reason) {
    if (selfPay && (reason == null || reason.isBlank())) {
      throw invalid("'selfPay' needs a 'selfPayReason'");
    }
    OffsetDateTime at = start == null ? OffsetDateTime.now(clock) : dateTime(start, "start");
    // A blank visit key names no visit: as a search it would match every visit with a key.
    String key = visitKey == null || visitKey.isBlank() ? null : visitKey;
    return new VisitDetails(department, at, patient, key, referral, selfPay, reason);
  }

  private static CheckRequest adjust(CheckRequest check, VisitDetails visit, boolean emergency) {
    return new CheckRequest(
        check.evidence(),
        check.visitDate() == null ? visit.start().toLocalDate() : check.visitDate(),
        emergency ? VisitKind.EMERGENCY : check.visitKind(),
        check.referral() || visit.referralNumber() != null);
  }

  private static void rejectUnknown(JsonNode node) {
    Set<String> allowed = new HashSet<>(CheckRequests.FIELDS);
    allowed.addAll(VISIT_FIELDS);
    CheckRequests.unknownField(node, allowed)
        .ifPresent(
            name -> {
              throw invalid("unknown field '" + name + "'");
            });
  }

  private static @Nullable String field(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual() || v.textValue().length() > 200) {
      throw invalid("'" + name + "' must be a string of at most 200 characters");
    }
    return v.textValue();
  }

  private static boolean flag(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v != null && !v.isNull() && !v.isBoolean()) {
      throw invalid("'" + name + "' must be true or false");
    }
    return v != null && v.asBoolean(false);
  }

  private static OffsetDateTime dateTime(String v, String name) {
    try {
      return OffsetDateTime.parse(v);
    } catch (DateTimeException e) {
      throw invalid(
          "'" + name + "' must be a date-time with offset, such as 2026-11-23T08:15:00+07:00");
    }
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(ProblemType.INVALID_VISIT_FIELDS, detail);
  }
}
