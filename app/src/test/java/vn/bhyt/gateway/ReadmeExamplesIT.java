package vn.bhyt.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bhyt.auth.Role;
import vn.bhyt.config.ConfigLoader;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.http.Json;
import vn.bhyt.persistence.TestDatabase;
import vn.bhyt.reference.ReferenceData;
import vn.bhyt.verifier.registry.RegistryImporter;

/**
 * Runs every {@code curl} line of the README against a gateway seeded as {@code ./gateway demo}
 * seeds it (its registry, its photo and claim files), and holds the README's sample card-check
 * answer to what the gateway answers.
 */
class ReadmeExamplesIT {
  static final Path ROOT = TableOwnershipTest.ROOT;
  static TestDatabase db;
  static GatewayApp app;
  static final HttpClient http = HttpClient.newHttpClient();
  static final Map<String, Role> PLACEHOLDERS =
      Map.of("<reception token>", Role.RECEPTION, "<billing token>", Role.BILLING);
  @TempDir static Path demoDir;
  static Map<Role, String> tokens = new java.util.EnumMap<>(Role.class);

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create();
    // The README's sample was answered on this day; the demo's card is valid in its year.
    java.time.ZoneId zone = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
    java.time.Clock clock =
        java.time.Clock.fixed(java.time.Instant.parse("2026-12-07T03:00:00Z"), zone);
    app =
        GatewayApp.start(
            ConfigLoader.load("", Map.of("GATEWAY_HTTP_PORT", "0")).withDb(db.config()), clock);
    FacilityCode here = new FacilityCode("79034");
    LocalDate today = LocalDate.now(clock);
    new RegistryImporter(app.dataSource())
        .importCsv(
            new StringReader(DemoRegistry.csv(2026, 50, ReferenceData.builtIn(), here, today)),
            n -> {});
    app.registry().invalidateAll();
    for (Role role : Role.values()) {
      tokens.put(role, app.tokens().create(role, "readme-" + role.code()));
    }
    Path run = demoDir.resolve("run/demo");
    DemoPhoto.write(run.resolve("card.png"), Demo.validCardQr(here, today), "Nguyễn Văn An");
    int percent =
        ReferenceData.builtIn()
            .level(CardNumber.of(DemoCards.VALID).value().charAt(2) - '0')
            .orElseThrow()
            .fundPercent();
    DemoClaim.write(run.resolve("claim.xml"), here, today, percent);
    DemoClaim.writeFhir(run.resolve("claim.json"), here, today, percent);
  }

  @AfterAll
  static void stop() {
    app.close();
    db.close();
  }

  @Test
  void everyCurlLineOfTheReadmeIsAnsweredAsItSays() throws Exception {
    String readme = Files.readString(ROOT.resolve("README.md"));
    List<String> ran = new ArrayList<>();
    JsonNode firstCheck = null;
    Matcher block = Pattern.compile("(?s)```sh\\n(.*?)```").matcher(readme);
    String id = null;
    String check = null;
    String receipt = null;
    while (block.find()) {
      Role role = Role.ADMIN;
      for (String line : block.group(1).replace("\\\n", " ").split("\n")) {
        String l = line.strip();
        if (l.startsWith("T=")) {
          role = PLACEHOLDERS.getOrDefault(l.substring(2).strip(), Role.ADMIN);
        }
        if (!l.startsWith("curl ")) {
          continue;
        }
        String command =
            l.replace("$ID", id == null ? "none" : id)
                .replace("$CHECK", check == null ? "none" : check)
                .replace("$RECEIPT", receipt == null ? "none" : receipt);
        HttpResponse<String> r = send(shellWords(command), tokens.get(role));
        for (int wait = 0; r.statusCode() == 404 && command.contains("/api/v1/checks/"); wait++) {
          assertThat(wait).as("the check's record is kept within seconds").isLessThan(100);
          Thread.sleep(50);
          r = send(shellWords(command), tokens.get(role));
        }
        ran.add(command);
        assertThat(r.statusCode()).as("%s%n%s", command, r.body()).isBetween(200, 299);
        JsonNode answer =
            r.body().isEmpty()
                ? Json.mapper().createObjectNode()
                : Json.mapper().readTree(r.body());
        if (firstCheck == null && command.contains("/api/v1/cards/verify")) {
          firstCheck = answer;
        }
        if (command.contains("/api/v1/cards/verify")) {
          check = answer.get("checkId").asText();
          receipt = answer.get("receipt").asText();
        }
        if (command.contains("/api/v1/checks/")) {
          assertThat(answer.get("receipt").get("genuine").asBoolean()).as(r.body()).isTrue();
        }
        if (answer.path("claims").size() > 0 && answer.get("claims").get(0).has("claimId")) {
          id = answer.get("claims").get(0).get("claimId").asText();
        } else if (command.contains("/fhir/Claim ")
            && r.headers().firstValue("Location").isPresent()) {
          Matcher m =
              Pattern.compile("/Claim/([^/]+)").matcher(r.headers().firstValue("Location").get());
          assertThat(m.find()).isTrue();
          id = m.group(1);
        }
      }
    }
    assertThat(ran).hasSizeGreaterThanOrEqualTo(9);
    JsonNode sample = sampleAnswer(readme);
    assertThat(firstCheck).isNotNull();
    for (String field : List.of("result", "outcome", "message", "source")) {
      assertThat(firstCheck.get(field)).as(field).isEqualTo(sample.get(field));
    }
    for (String field :
        List.of(
            "number",
            "ssn",
            "model",
            "group",
            "benefitLevel",
            "province",
            "name",
            "birthDate",
            "sex",
            "address",
            "registeredFacility",
            "validFrom",
            "validTo",
            "issuedOn")) {
      assertThat(firstCheck.get("card").get(field))
          .as("card." + field)
          .isEqualTo(sample.get("card").get(field));
    }
    assertThat(firstCheck.get("coverage").get("percent"))
        .isEqualTo(sample.get("coverage").get("percent"));
    assertThat(firstCheck.get("coverage").get("route"))
        .isEqualTo(sample.get("coverage").get("route"));
    assertThat(firstCheck.get("coverage").get("explanation"))
        .isEqualTo(sample.get("coverage").get("explanation"));
  }

  /** The sample answer of the card check: the first JSON block with a "result" and a "card". */
  private static JsonNode sampleAnswer(String readme) throws Exception {
    Matcher json = Pattern.compile("(?s)```json\\n(.*?)```").matcher(readme);
    while (json.find()) {
      String text = json.group(1);
      if (text.contains("\"result\"") && text.contains("\"card\"")) {
        return Json.mapper().readTree(text);
      }
    }
    throw new AssertionError("the README has no sample card-check answer");
  }

  private HttpResponse<String> send(List<String> words, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder();
    String method = null;
    HttpRequest.BodyPublisher body = null;
    String url = null;
    for (int i = 1; i < words.size(); i++) {
      String w = words.get(i);
      switch (w) {
        case "-s" -> {}
        case "-X" -> method = words.get(++i);
        case "-H" -> {
          String[] h = words.get(++i).split(":\\s*", 2);
          b.header(h[0], h[0].equals("Authorization") ? "Bearer " + token : h[1]);
        }
        case "-d" -> body = HttpRequest.BodyPublishers.ofString(words.get(++i));
        case "--data-binary" ->
            body = HttpRequest.BodyPublishers.ofFile(demoDir.resolve(words.get(++i).substring(1)));
        default -> {
          assertThat(w).as("a URL").startsWith("http");
          url =
              w.replaceFirst(
                  "^http://(127\\.0\\.0\\.1|localhost):8080", "http://127.0.0.1:" + app.port());
        }
      }
    }
    assertThat(url).isNotNull();
    b.uri(URI.create(url));
    if (body != null) {
      b.method(method == null ? "POST" : method, body);
    } else {
      b.method(method == null ? "GET" : method, HttpRequest.BodyPublishers.noBody());
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A command line split as a shell splits it: quotes group, and are taken away. */
  static List<String> shellWords(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          w.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(w.toString());
          w.setLength(0);
          inWord = false;
        }
      } else {
        w.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(w.toString());
    }
    return words;
  }
}
