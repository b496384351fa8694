package vn.bhyt.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.bhyt.auth.Role;
import vn.bhyt.config.ConfigLoader;
import vn.bhyt.fhir.FhirContexts;
import vn.bhyt.fhir.Identifiers;
import vn.bhyt.persistence.TestDatabase;

/**
 * Nothing a posted resource carries reaches the log under the runnable's logging configuration: the
 * gateway's own lines and every library's (HAPI FHIR's terminology, validation and parser loggers
 * among them) are captured while resources with a marker value are posted.
 */
class LoggedContentIT {
  static TestDatabase db;
  static GatewayApp app;
  static String reception;
  static final HttpClient http = HttpClient.newHttpClient();
  static final ListAppender<ILoggingEvent> captured = new ListAppender<>();

  @BeforeAll
  static void start() throws Exception {
    assertThat(Path.of("..", "config", "logback.xml"))
        .as("the launcher's configuration is the jar's")
        .hasSameTextualContentAs(Path.of("src", "main", "resources", "logback.xml"));
    configure(Path.of("..", "config", "logback.xml").toUri().toURL());
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    captured.start();
    root.addAppender(captured);
    db = TestDatabase.create();
    app =
        GatewayApp.start(
            ConfigLoader.load("", Map.of("GATEWAY_HTTP_PORT", "0")).withDb(db.config()));
    reception = app.tokens().create(Role.RECEPTION, "desk-9");
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
    db.close();
    configure(LoggedContentIT.class.getResource("/logback-test.xml"));
  }

  private static void configure(URL config) throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(config);
  }

  static HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/fhir" + path))
            .header("Authorization", "Bearer " + reception)
            .header("Content-Type", "application/fhir+json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aPostedPatientsValuesAppearInNoLogLine() throws Exception {
    String marker =
        "4" + (UUID.randomUUID().getMostSignificantBits() & 0xFFFFFFFFFL) % 1_000_000_000L;
    Patient p = new Patient();
    p.addIdentifier().setSystem(Identifiers.SSN).setValue(marker);
    p.addName().setFamily("Nguyễn" + marker).addGiven("Văn An");
    p.addCommunication().getLanguage().addCoding().setSystem("urn:ietf:bcp:47").setCode(marker);
    p.getCommunicationFirstRep().getLanguage().setText(marker);
    p.addTelecom().setSystem(null).setValue(marker);
    String json = FhirContexts.r4().newJsonParser().encodeResourceToString(p);
    List<HttpResponse<String>> answers =
        List.of(
            post("/Patient/$validate", json),
            post("/Patient", json),
            post("/Patient", json.replace("\"" + marker + "\"", marker)),
            post("/Patient", json.replace("\"family\"", "\"famliy\"")),
            post("/Patient", json.replace("\"Văn An\"", "\"" + marker + "\", 7")));
    Thread.sleep(200);
    List<String> lines =
        captured.list.stream()
            .map(
                e ->
                    e.getLoggerName()
                        + " "
                        + e.getFormattedMessage()
                        + (e.getThrowableProxy() == null
                            ? ""
                            : " " + e.getThrowableProxy().getMessage()))
            .toList();
    assertThat(lines).isNotEmpty();
    assertThat(lines.stream().filter(line -> line.contains(marker))).isEmpty();
    assertThat(answers).allSatisfy(a -> assertThat(a.body()).doesNotContain(marker));
  }
}
