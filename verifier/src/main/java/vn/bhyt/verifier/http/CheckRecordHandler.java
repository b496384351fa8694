package vn.bhyt.verifier.http;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import vn.bhyt.domain.Ulids;
import vn.bhyt.http.QueryParameters;
import vn.bhyt.http.Request;
import vn.bhyt.http.Response;
import vn.bhyt.http.RouteHandler;
import vn.bhyt.persistence.Blocking;
import vn.bhyt.problem.ProblemException;
import vn.bhyt.problem.ProblemType;
import vn.bhyt.verifier.audit.CheckRecord;
import vn.bhyt.verifier.audit.JdbcCheckRecords;
import vn.bhyt.verifier.audit.Receipts;

/**
 * {@code GET /api/v1/checks/{checkId}[?receipt=…]}: the audit record of a card check, and whether a
 * receipt given for it is genuine: made by this gateway, for this check and its card, stating what
 * the record holds.
 */
public final class CheckRecordHandler implements RouteHandler {
  private static final Set<String> PARAMETERS = Set.of("receipt");

  private final JdbcCheckRecords records;
  private final Receipts receipts;
  private final ZoneId zone;
  private final Executor executor;

  /**
   * @param zone the facility's time zone, in which times are given
   */
  public CheckRecordHandler(
      JdbcCheckRecords records, Receipts receipts, ZoneId zone, Executor executor) {
    this.records = records;
    this.receipts = receipts;
    this.zone = zone;
    this.executor = executor;
  }

  /** 200 with the record; 404 when none is kept (yet), or the id is not a check id. */
  @Override
  public CompletionStage<Response> handle(Request request) {
    QueryParameters.requireKnown(request, PARAMETERS);
    String checkId = request.pathParam("checkId");
    String receipt = request.query("receipt");
    if (!Ulids.valid(checkId)) {
      throw notFound();
    }
    return Blocking.offload(
        executor,
        () ->
            records
                .byId(checkId)
                .map(r -> Response.json(200, body(r, receipt)))
                .orElseThrow(CheckRecordHandler::notFound));
  }

  private static ProblemException notFound() {
    return new ProblemException(
        ProblemType.CHECK_NOT_FOUND,
        "no card check with this id is recorded; a check's record is kept within a second of its"
            + " answer");
  }

  private Map<String, Object> body(CheckRecord r, @Nullable String receipt) {
    Map<String, Object> by = new LinkedHashMap<>();
    by.put("token", r.tokenName());
    by.put("clerkName", r.clerkName());
    by.put("clerkCitizenId", r.clerkCitizenId());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("checkId", r.checkId());
    body.put("checkedAt", OffsetDateTime.ofInstant(r.checkedAt(), zone));
    body.put("checkedBy", by);
    body.put("cardHash", r.cardHash());
    body.put("result", r.result());
    body.put("outcome", r.outcome());
    body.put("source", r.source());
    body.put("keyVersion", r.keyVersion());
    if (receipt != null) {
      body.put("receipt", judge(r, receipt));
    }
    return body;
  }

  /** Whether the receipt is genuine for the record, and if not, why. */
  private Map<String, Object> judge(CheckRecord r, String receipt) {
    Map<String, Object> out = new LinkedHashMap<>();
    Receipts.Signed signed = receipts.verify(receipt, r.checkId(), r.cardHash());
    String why = null;
    if (r.keyVersion() == null) {
      why = "the check was made before this gateway gave receipts";
    } else if (signed == null) {
      why = "not made by this gateway for this check and its card";
    } else if (signed.version() != r.keyVersion()
        || !signed.result().equals(r.result())
        || !signed.source().equals(r.source())
        || !signed.checkedAt().equals(r.checkedAt().truncatedTo(ChronoUnit.SECONDS))) {
      why = "it states another answer or time than the record";
    }
    out.put("genuine", why == null);
    if (why != null) {
      out.put("reason", why);
    }
    return out;
  }
}
