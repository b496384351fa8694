package vn.bhyt.claims.http;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.bhyt.claims.assessment.Assessment;
import vn.bhyt.claims.assessment.Finding;
import vn.bhyt.claims.assessment.RuleBook;
import vn.bhyt.claims.assessment.Totals;
import vn.bhyt.claims.forwarding.Forwarding;
import vn.bhyt.claims.forwarding.ForwardingState;
import vn.bhyt.claims.forwarding.FundClaims;
import vn.bhyt.claims.store.ClaimSummary;
import vn.bhyt.claims.store.StoredClaim;
import vn.bhyt.claims.store.StoredVersion;
import vn.bhyt.claims.submission.ClaimResult;

/**
 * The JSON documents of the claims API, as maps in the order their members are written. Amounts are
 * numbers with 2 decimals; times carry the facility's offset.
 */
final class ClaimJson {
  private final ZoneId zone;

  ClaimJson(ZoneId zone) {
    this.zone = zone;
  }

  /** One entry of the answer to {@code POST /api/v1/claims}. */
  Map<String, Object> result(ClaimResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("maLk", r.maLk());
    m.put("claimId", r.claimId());
    m.put("version", r.version());
    assessment(m, r.assessment());
    return m;
  }

  /** The answer to {@code GET /api/v1/claims/{id}}. */
  Map<String, Object> claim(
      StoredClaim claim,
      @Nullable Forwarding forwarding,
      FundClaims.@Nullable Assessed assessment) {
    Map<String, Object> m = summary(claim.summary());
    m.put("inpatient", claim.inpatient());
    StoredVersion current = claim.current();
    m.put("format", current.format().name());
    m.put("receivedBy", current.receivedBy());
    m.put("correction", current.correction());
    m.put("forwardedAt", time(current.forwardedAt()));
    assessment(m, claim.assessment());
    Map<String, Object> f = forwarding == null ? null : forwarding(forwarding);
    if (f != null && assessment != null) {
      f.put("assessment", assessment(assessment));
    }
    m.put("forwarding", f);
    m.put("versions", claim.versions().stream().map(this::version).toList());
    return m;
  }

  /** A claim version's way to the fund. */
  Map<String, Object> forwarding(Forwarding f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("state", f.state().code());
    m.put("transactionId", f.transactionId());
    m.put("attempts", f.attempts());
    m.put("lastError", f.lastError());
    m.put("assessment", null);
    m.put("queuedAt", time(f.queuedAt()));
    m.put("nextAttemptAt", f.state() == ForwardingState.PENDING ? time(f.nextAttemptAt()) : null);
    m.put("sentAt", time(f.sentAt()));
    return m;
  }

  /** The fund's assessment: its result, the fund share asked and accepted, its errors. */
  static Map<String, Object> assessment(FundClaims.Assessed a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("result", a.result());
    m.put("fundShareAsked", a.fundShareAsked() == null ? null : money(a.fundShareAsked()));
    m.put("fundShareAccepted", a.fundShareAccepted() == null ? null : money(a.fundShareAccepted()));
    m.put(
        "errors",
        a.errors().stream()
            .map(
                e -> {
                  Map<String, Object> err = new LinkedHashMap<>();
                  err.put("table", e.table());
                  err.put("line", e.line());
                  err.put("code", e.code());
                  err.put("message", e.message());
                  err.put("amount", e.amount() == null ? null : money(e.amount()));
                  return err;
                })
            .toList());
    return m;
  }

  /** An entry of {@code GET /api/v1/forwarding}. */
  Map<String, Object> queued(Forwarding f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("claimId", f.claimId());
    m.put("maLk", f.maLk());
    m.put("version", f.version());
    m.putAll(forwarding(f));
    m.remove("assessment");
    return m;
  }

  /** A claim as lists show it. */
  Map<String, Object> summary(ClaimSummary s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("claimId", s.id());
    m.put("facility", s.facility());
    m.put("maLk", s.maLk());
    m.put("version", s.version());
    m.put("status", s.status().code());
    m.put("visitStart", s.visitStart());
    m.put("visitEnd", s.visitEnd());
    m.put("department", s.department());
    m.put("receivedAt", time(s.updatedAt()));
    return m;
  }

  static Map<String, Object> rule(RuleBook.Listing listing) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", listing.rule().id());
    m.put("version", listing.rule().version());
    m.put("from", listing.rule().from());
    m.put("to", listing.rule().to());
    m.put("severity", listing.rule().severity().code());
    m.put("description", listing.rule().description());
    m.put("enabled", listing.enabled());
    return m;
  }

  private Map<String, Object> version(StoredVersion v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", v.version());
    m.put("format", v.format().name());
    m.put("status", v.status().code());
    m.put("findings", v.findings());
    m.put("receivedAt", time(v.receivedAt()));
    m.put("receivedBy", v.receivedBy());
    m.put("correction", v.correction());
    m.put("forwardedAt", time(v.forwardedAt()));
    return m;
  }

  private static void assessment(Map<String, Object> m, Assessment a) {
    m.put("status", a.status().code());
    m.put("findings", a.findings().stream().map(ClaimJson::finding).toList());
    m.put("totals", totals(a.totals()));
  }

  private static Map<String, Object> finding(Finding f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", f.code());
    m.put("severity", f.severity().code());
    m.put("table", f.table());
    m.put("line", f.line());
    m.put("field", f.field());
    m.put("expected", f.expected());
    m.put("actual", f.actual());
    m.put("message", f.message());
    m.put("rule", f.rule());
    return m;
  }

  private static Map<String, Object> totals(Totals t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("hospital", money(t.hospital()));
    m.put("insured", money(t.insured()));
    m.put("fundShare", money(t.fundShare()));
    m.put("coPayment", money(t.coPayment()));
    m.put("patientPaid", money(t.patientPaid()));
    m.put("otherSources", money(t.otherSources()));
    return m;
  }

  private static BigDecimal money(BigDecimal amount) {
    return amount.setScale(2, java.math.RoundingMode.HALF_UP);
  }

  private @Nullable OffsetDateTime time(@Nullable Instant at) {
    return at == null ? null : at.atZone(zone).toOffsetDateTime();
  }
}
