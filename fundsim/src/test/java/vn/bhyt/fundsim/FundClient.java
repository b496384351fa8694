package vn.bhyt.fundsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A plain client of the fund's API for the tests: JDK HttpClient, no cleverness. */
final class FundClient {
  static final ObjectMapper JSON = new ObjectMapper();

  /** An answer: its HTTP status and JSON body. */
  record Answer(int status, JsonNode body) {
    String code() {
      return body.path("maKetQua").asText();
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  String accessToken = "";
  String idToken = "";

  FundClient(String base) {
    this.base = base;
  }

  Answer loginJson(String user, String password) throws Exception {
    String body =
        JSON.writeValueAsString(Map.of("username", user, "password", Accounts.md5(password)));
    Answer a = send(post("api/token/take", "application/json", body).build());
    keep(a);
    return a;
  }

  Answer loginForm(String user, String passwordMd5) throws Exception {
    Answer a =
        send(
            post(
                    "api/token/take",
                    "application/x-www-form-urlencoded",
                    form(Map.of("username", user, "password", passwordMd5)))
                .build());
    keep(a);
    return a;
  }

  private void keep(Answer a) {
    if (a.code().equals("200")) {
      accessToken = a.body().path("APIKey").path("access_token").asText();
      idToken = a.body().path("APIKey").path("id_token").asText();
    }
  }

  /** The 2019 check, the token in the query. */
  Answer check2019(String card, String name, String birth) throws Exception {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("maThe", card);
    m.put("hoTen", name);
    m.put("ngaySinh", birth);
    String q =
        "?token="
            + accessToken
            + "&id_token="
            + idToken
            + "&username=79034_BV&password="
            + Accounts.md5("secret");
    return send(
        post("api/egw/KQNhanLichSuKCB2019" + q, "application/json", JSON.writeValueAsString(m))
            .build());
  }

  /** The 2024 check, the token in the headers. */
  Answer check2024(String card, String name, String birth, String clerk, String clerkId)
      throws Exception {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("maThe", card);
    m.put("hoTen", name);
    m.put("ngaySinh", birth);
    m.put("hoTenCb", clerk);
    m.put("cccdCb", clerkId);
    return send(withToken(post("api/egw/KQNhanLichSuKCB2024", FORM, form(m))).build());
  }

  static final String FORM = "application/x-www-form-urlencoded";

  Answer submit(byte[] envelope) throws Exception {
    return submit(
        Map.of(
            "username", "79034_BV",
            "loaiHoSo", "130",
            "maTinh", "79",
            "maCSKCB", "79034",
            "fileHSBase64", Base64.getEncoder().encodeToString(envelope)));
  }

  Answer submit(Map<String, String> fields) throws Exception {
    return send(withToken(post("api/qd130/guiHoSoXmlQD3176", FORM, form(fields))).build());
  }

  Answer get(String pathAndQuery) throws Exception {
    return send(withToken(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET()).build());
  }

  HttpRequest.Builder withToken(HttpRequest.Builder b) {
    return b.header("accessToken", accessToken)
        .header("tokenId", idToken)
        .header("passwordHash", Accounts.md5("secret"));
  }

  HttpRequest.Builder post(String path, String type, String body) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", type)
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  Answer send(HttpRequest r) throws IOException, InterruptedException {
    HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
    String text = res.body();
    JsonNode node = text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
    return new Answer(res.statusCode(), node);
  }

  static String form(Map<String, String> m) {
    return m.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
