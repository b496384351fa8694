package vn.bhyt.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.bhyt.domain.FacilityLevel;

class ConfigLoaderTest {
  @Test
  void defaultsApplyWhenNothingIsSet() {
    GatewayConfig c = ConfigLoader.load("", Map.of());
    assertThat(c.http().port()).isEqualTo(8080);
    assertThat(c.db().configured()).isFalse();
    assertThat(c.facility().code().value()).isEqualTo("79034");
    assertThat(c.facility().level()).isEqualTo(FacilityLevel.PROVINCIAL);
    assertThat(c.fund().configured()).isFalse();
    assertThat(c.registry().pollInterval()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void eventLoopsDefaultToZeroForOnePerProcessorAndRefuseNegativeCounts() {
    assertThat(ConfigLoader.load("", Map.of()).http().eventLoops()).isZero();
    assertThat(
            ConfigLoader.load("http.event-loops = 2\n", Map.of("GATEWAY_HTTP_EVENT_LOOPS", "3"))
                .http()
                .eventLoops())
        .isEqualTo(3);
    assertThatThrownBy(() -> ConfigLoader.load("http.event-loops = -1\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("http.event-loops");
  }

  @Test
  void busyPollDefaultsToThirtyMicrosecondsAndTakesZero() {
    assertThat(ConfigLoader.load("", Map.of()).http().busyPoll())
        .isEqualTo(Duration.ofNanos(30_000));
    assertThat(
            ConfigLoader.load("", Map.of("GATEWAY_HTTP_BUSY_POLL_MICROS", "0")).http().busyPoll())
        .isZero();
    assertThatThrownBy(() -> ConfigLoader.load("http.busy-poll-micros = 20000\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("http.busy-poll-micros");
  }

  @Test
  void claimsKeysHaveDefaultsAndTakeACommaListOfRuleIds() {
    GatewayConfig c = ConfigLoader.load("", Map.of());
    assertThat(c.claims().maxEnvelopeBytes()).isEqualTo(256 << 20);
    assertThat(c.claims().disabledRules()).isEmpty();
    GatewayConfig set =
        ConfigLoader.load(
            "assessment.disabled-rules = money.lines, ,diagnosis.icd10\n",
            Map.of("GATEWAY_CLAIMS_MAX_ENVELOPE_BYTES", "1048576"));
    assertThat(set.claims().disabledRules())
        .containsExactlyInAnyOrder("money.lines", "diagnosis.icd10");
    assertThat(set.claims().maxEnvelopeBytes()).isEqualTo(1 << 20);
  }

  @Test
  void imageDecodeBudgetHasDefaultsAndRefusesAPerDecodeShareAboveTheWhole() {
    GatewayConfig.Images images = ConfigLoader.load("", Map.of()).images();
    assertThat(images.decodeBudgetBytes()).isEqualTo(256L << 20);
    assertThat(images.maxDecodeBytes()).isEqualTo(128L << 20);
    assertThat(images.decodeWait()).isEqualTo(Duration.ofSeconds(2));
    GatewayConfig.Images set =
        ConfigLoader.load(
                "image.decode-budget-bytes = 4294967296\nimage.decode-wait = PT0S\n",
                Map.of("GATEWAY_IMAGE_MAX_DECODE_BYTES", "2147483648"))
            .images();
    assertThat(set.decodeBudgetBytes()).isEqualTo(4L << 30);
    assertThat(set.maxDecodeBytes()).isEqualTo(2L << 30);
    assertThat(set.decodeWait()).isZero();
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    "image.decode-budget-bytes = 67108864\nimage.decode-wait = -PT1S\n", Map.of()))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(2)
                    .anyMatch(p -> p.startsWith("image.max-decode-bytes"))
                    .anyMatch(p -> p.startsWith("image.decode-wait")));
  }

  @Test
  void aDisabledRuleThatIsNoRuleIdIsRejected() {
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    "", Map.of("GATEWAY_ASSESSMENT_DISABLED_RULES", "money.lines,Money Lines")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("assessment.disabled-rules")
        .hasMessageContaining("'Money Lines'");
  }

  @Test
  void receiptKeysAreCheckedWithoutRepeatingThemAndTheKeyFileDefaultsBesideTheSpill() {
    byte[] bytes = new byte[32];
    java.util.Arrays.fill(bytes, (byte) 7);
    String key = java.util.Base64.getEncoder().encodeToString(bytes);
    GatewayConfig config =
        ConfigLoader.load(
            "",
            Map.of(
                "GATEWAY_RECEIPT_KEYS",
                "1:" + key + ", 2:" + key,
                "GATEWAY_AUDIT_SPILL_DIR",
                "/var/x"));
    assertThat(config.audit().receiptKeys().value()).isEqualTo("1:" + key + ", 2:" + key);
    assertThat(config.describe()).doesNotContain(key).contains("receipt.keys = ****");
    assertThat(config.audit().receiptKeyFile())
        .isEqualTo(java.nio.file.Path.of("/var/x/receipt-keys"));
    String shortKey = java.util.Base64.getEncoder().encodeToString(new byte[] {9, 9, 9, 9, 9, 9});
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    "",
                    Map.of(
                        "GATEWAY_RECEIPT_KEYS",
                        "1:" + shortKey + ",1:" + key + ",0:" + key + ",x:" + key + "," + key)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("key 1: 6 bytes (expected: at least 32)")
        .hasMessageContaining("key 2: version 1 is given twice")
        .hasMessageContaining("key 3: version 0")
        .hasMessageContaining("key 4: expected version:base64")
        .hasMessageContaining("key 5: expected version:base64")
        .hasMessageNotContaining(key)
        .hasMessageNotContaining(shortKey);
  }

  @Test
  void environmentWinsOverFileAndFileOverDefault() {
    String file = "# comment\nhttp.port = 9000\nfacility.code = 01043\n";
    GatewayConfig c =
        ConfigLoader.load(
            file, Map.of("GATEWAY_HTTP_PORT", "0", "GATEWAY_FACILITY_LEVEL", "central"));
    assertThat(c.http().port()).isZero();
    assertThat(c.facility().code().value()).isEqualTo("01043");
    assertThat(c.facility().level()).isEqualTo(FacilityLevel.CENTRAL);
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    String file = "http.port = 70000\nno.such.key = 1\nbroken line\n";
    Map<String, String> env =
        Map.of("GATEWAY_FACILITY_LEVEL", "national", "GATEWAY_DB_URL", "postgres://x");
    assertThatThrownBy(() -> ConfigLoader.load(file, env))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(5)
                    .anyMatch(p -> p.contains("http.port"))
                    .anyMatch(p -> p.contains("unknown key 'no.such.key'"))
                    .anyMatch(p -> p.contains("line 3"))
                    .anyMatch(p -> p.contains("facility.level"))
                    .anyMatch(p -> p.contains("db.url")));
  }

  @Test
  void secretsAreMaskedInTheEffectiveConfiguration() {
    GatewayConfig c =
        ConfigLoader.load(
            "", Map.of("GATEWAY_DB_PASSWORD", "hunter2", "GATEWAY_FUND_PASSWORD", "s3cret"));
    assertThat(c.describe())
        .contains("db.password = ****")
        .doesNotContain("hunter2")
        .doesNotContain("s3cret");
    assertThat(c.db().password().toString()).isEqualTo("****");
    assertThat(c.db().password().value()).isEqualTo("hunter2");
  }

  @Test
  void everyKeyHasAnEnvironmentVariableOfTheContract() {
    assertThat(ConfigKey.HTTP_PORT.env()).isEqualTo("GATEWAY_HTTP_PORT");
    assertThat(ConfigKey.DB_URL.env()).isEqualTo("GATEWAY_DB_URL");
    assertThat(ConfigKey.FACILITY_CODE.env()).isEqualTo("GATEWAY_FACILITY_CODE");
    assertThat(ConfigKey.FUND_PASSWORD.env()).isEqualTo("GATEWAY_FUND_PASSWORD");
    assertThat(ConfigKey.HTTP_MAX_BODY_BYTES.env()).isEqualTo("GATEWAY_HTTP_MAX_BODY_BYTES");
  }
}
