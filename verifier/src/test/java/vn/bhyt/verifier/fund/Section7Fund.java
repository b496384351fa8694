package vn.bhyt.verifier.fund;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fund written by hand from reference section 7's text and examples alone: login, the 2019 and
 * 2024 checks, with switches for the ways section 7 says a fund may behave (401 in either form,
 * codes as numbers, slow or failing answers). It holds one account and answers one card.
 */
final class Section7Fund implements AutoCloseable {
  static final String USER = "79034_BV";
  static final String PASSWORD = "Mật khẩu-79034";
  static final String CARD = "DN4797912345678";

  private final HttpServer server;
  final AtomicInteger logins = new AtomicInteger();
  final AtomicInteger checks = new AtomicInteger();
  final List<Map<String, String>> checkFields = new CopyOnWriteArrayList<>();
  final List<Map<String, String>> checkQueries = new CopyOnWriteArrayList<>();
  volatile Instant expiresIn = Instant.parse("2099-01-01T00:00:00Z");
  volatile int tokenNumber;

  /** Refuse the current token this many more times. */
  final AtomicInteger refuseTokens = new AtomicInteger();

  /** Refusals as HTTP 401, else as HTTP 200 with {@code maKetQua} 401 as a number. */
  volatile boolean refuseAsHttp401 = true;

  volatile int failWithStatus;
  volatile long delayMillis;
  volatile String clerkCitizenId = "012345678901";

  Section7Fund() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/api/token/take", this::login);
    server.createContext("/api/egw/KQNhanLichSuKCB2019", e -> check(e, false));
    server.createContext("/api/egw/KQNhanLichSuKCB2024", e -> check(e, true));
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void login(HttpExchange e) throws IOException {
    logins.incrementAndGet();
    String body = new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String md5 = FundHttpClient.md5(PASSWORD);
    boolean ok =
        body.contains("\"username\":\"" + USER + "\"")
            && body.contains("\"password\":\"" + md5 + "\"");
    if (!ok) {
      answer(e, 200, "{\"maKetQua\":\"401\",\"APIKey\":null}");
      return;
    }
    int n = ++tokenNumber;
    answer(
        e,
        200,
        "{\"maKetQua\":200,\"APIKey\":{\"access_token\":\"at-"
            + n
            + "\",\"id_token\":\"it-"
            + n
            + "\",\"token_type\":\"Bearer\",\"username\":\""
            + USER
            + "\",\"expires_in\":\""
            + expiresIn
            + "\"}}");
  }

  private void check(HttpExchange e, boolean with2024) throws IOException {
    checks.incrementAndGet();
    Map<String, String> query = decode(e.getRequestURI().getRawQuery());
    checkQueries.add(query);
    String body = new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (delayMillis > 0) {
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
    }
    if (failWithStatus > 0) {
      answer(e, failWithStatus, "Service Unavailable");
      return;
    }
    boolean tokenOk =
        ("at-" + tokenNumber).equals(query.get("token"))
            && ("it-" + tokenNumber).equals(query.get("id_token"))
            && USER.equals(query.get("username"))
            && FundHttpClient.md5(PASSWORD).equals(query.get("password"));
    if (!tokenOk || refuseTokens.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      if (refuseAsHttp401) {
        answer(e, 401, "{\"maKetQua\":\"401\",\"ghiChu\":\"Token hết hạn\"}");
      } else {
        answer(e, 200, "{\"maKetQua\":401,\"ghiChu\":\"Token hết hạn\"}");
      }
      return;
    }
    Map<String, String> fields = with2024 ? decode(body) : json(body);
    checkFields.add(fields);
    if (with2024 && !clerkCitizenId.equals(fields.get("cccdCb"))) {
      answer(e, 200, "{\"maKetQua\":\"054\",\"ghiChu\":\"Cán bộ chưa được đăng ký\"}");
      return;
    }
    if (!CARD.equals(fields.get("maThe"))) {
      answer(
          e,
          200,
          "{\"maKetQua\":\"050\",\"ghiChu\":\"Không tìm thấy thông tin thẻ\",\"maThe\":\"\"}");
      return;
    }
    answer(
        e,
        200,
        """
        {"maKetQua":"000","ghiChu":"Thông tin thẻ chính xác","maThe":"DN4797912345678",
         "hoTen":"Nguyễn Văn An","ngaySinh":"31/01/1990","gioiTinh":"Nam","diaChi":"Đà Nẵng",
         "maDKBD":"79034","cqBHXH":"BHXH Đà Nẵng","gtTheTu":"01/01/2026","gtTheDen":"31/12/2026",
         "maKV":"","ngayDu5Nam":"01/01/2030","maSoBHXH":"7912345678","maTheCu":"","maTheMoi":"",
         "gtTheTuMoi":"","gtTheDenMoi":"","maDKBDMoi":"",
         "dsLichSuKCB2018":[{"maHoSo":"1234","maCSKCB":"48001","ngayVao":"202612010800",
          "ngayRa":"202612011000","tenBenh":"Viêm họng","tinhTrang":"1","kqDieuTri":"1"}]}
        """);
  }

  private static Map<String, String> decode(String query) {
    Map<String, String> out = new HashMap<>();
    if (query == null || query.isEmpty()) {
      return out;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  private static Map<String, String> json(String body) throws IOException {
    Map<String, String> out = new HashMap<>();
    new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(body)
        .fields()
        .forEachRemaining(f -> out.put(f.getKey(), f.getValue().asText()));
    return out;
  }

  private static void answer(HttpExchange e, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    e.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    e.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = e.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
