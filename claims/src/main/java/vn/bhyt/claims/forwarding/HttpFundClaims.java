package vn.bhyt.claims.forwarding;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import vn.bhyt.verifier.fund.FundHttpClient;
import vn.bhyt.verifier.fund.FundUnavailableException;

/**
 * The fund's claim API over the fund client's HTTP connection (its login, token renewal, timeouts
 * and circuit breaker), read as reference section 7 gives its answers: only {@code 205} refuses a
 * file for good, any other code but {@code 200} is a failure to try again; codes as strings or
 * numbers, {@code thoiGianTiepNhan} as {@code yyyyMMddHHmmss} in the fund's time zone, amounts as
 * numbers or text.
 */
public final class HttpFundClaims implements FundClaims {
  private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
  private final FundHttpClient client;
  private final ZoneId zone;

  /**
   * @param zone the fund's time zone, in which its times are written (Vietnam's)
   */
  public HttpFundClaims(FundHttpClient client, ZoneId zone) {
    this.client = client;
    this.zone = zone;
  }

  @Override
  public CompletableFuture<Submitted> submit(String facility, byte[] envelope) {
    return client
        .submitClaim(facility, envelope)
        .thenApply(
            answer -> {
              String code = FundHttpClient.resultCode(answer);
              String id = text(answer, "maGiaoDich");
              if ("200".equals(code) && id != null) {
                return new Taken(id, time(text(answer, "thoiGianTiepNhan")));
              }
              if (!"205".equals(code)) {
                // only 205 is final; anything else (500 when the account's calls are too many)
                // may pass
                throw new FundUnavailableException(
                    FundUnavailableException.Reason.FAILED,
                    "claim submission: the fund answered " + (code == null ? "no code" : code));
              }
              String message = text(answer, "thongDiep");
              return new Refused("205", message == null ? "" : message);
            });
  }

  @Override
  public CompletableFuture<List<Held>> lookUp(String facility, String maLk) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("maCSKCB", facility);
    query.put("maLk", maLk);
    return client
        .claimLookUp("api/qd130/traCuuHoSo", query)
        .thenApply(
            answer -> {
              requireSuccess(answer, "look-up");
              List<Held> held = new ArrayList<>();
              for (JsonNode h : answer.path("dsHoSo")) {
                String id = text(h, "maGiaoDich");
                if (id != null) {
                  held.add(new Held(id, time(text(h, "thoiGianTiepNhan"))));
                }
              }
              return held;
            });
  }

  @Override
  public CompletableFuture<Results> results(String facility, String transactionId) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("maCSKCB", facility);
    query.put("maGiaoDich", transactionId);
    return client
        .claimLookUp("api/qd130/nhanKetQuaGiamDinh", query)
        .thenApply(
            answer -> {
              if ("404".equals(FundHttpClient.resultCode(answer))) {
                String message = text(answer, "thongDiep");
                return new Unknown(message == null ? "unknown transaction" : message);
              }
              requireSuccess(answer, "assessment results");
              String state = text(answer, "trangThai");
              if (!"DA_GIAM_DINH".equals(state)) {
                return new InProgress();
              }
              return assessed(answer.path("dsHoSo").path(0));
            });
  }

  private static Assessed assessed(JsonNode dossier) {
    List<LineError> errors = new ArrayList<>();
    for (JsonNode e : dossier.path("dsLoi")) {
      errors.add(
          new LineError(
              text(e, "bang"),
              e.hasNonNull("stt") && e.get("stt").canConvertToInt() ? e.get("stt").asInt() : null,
              text(e, "maLoi"),
              text(e, "moTaLoi"),
              amount(e.get("soTienTuChoi"))));
    }
    String outcome = text(dossier, "ketQua");
    return new Assessed(
        switch (outcome == null ? "" : outcome.toUpperCase(Locale.ROOT)) {
          case "CHAP_NHAN" -> "accepted";
          case "CHAP_NHAN_MOT_PHAN" -> "partly-accepted";
          case "TU_CHOI" -> "rejected";
          default -> "unknown";
        },
        amount(dossier.get("soTienDeNghi")),
        amount(dossier.get("soTienChapNhan")),
        errors);
  }

  private static void requireSuccess(JsonNode answer, String what) {
    String code = FundHttpClient.resultCode(answer);
    if (!"200".equals(code)) {
      throw new FundUnavailableException(
          FundUnavailableException.Reason.FAILED,
          what + ": the fund answered " + (code == null ? "no code" : code));
    }
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    String text = v.asText().strip();
    return text.isEmpty() ? null : text;
  }

  private static @Nullable BigDecimal amount(@Nullable JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    try {
      return v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private @Nullable Instant time(@Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDateTime.parse(text, RECEIVED).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
