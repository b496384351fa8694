package vn.bhyt.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No secret of the configuration is printed: not by the records' {@code toString()}, not by the
 * effective configuration the gateway logs at start, not after the database is replaced.
 */
class ConfigSecretsTest {
  static final String DB_PASSWORD = "db-pässword-7741";
  static final String FUND_PASSWORD = "fund-secret-9923";

  static GatewayConfig configured() {
    return ConfigLoader.load(
        "db.url = jdbc:mariadb://db.example:3306/bhyt\nfund.url = https://fund.example/api\n"
            + "fund.user = 79034_BV\n",
        Map.of("GATEWAY_DB_PASSWORD", DB_PASSWORD, "GATEWAY_FUND_PASSWORD", FUND_PASSWORD));
  }

  @Test
  void passwordsReachTheirRecordsButNoPrintedForm() {
    GatewayConfig config = configured();
    assertThat(config.db().password().value()).isEqualTo(DB_PASSWORD);
    assertThat(config.fund().password().value()).isEqualTo(FUND_PASSWORD);
    for (String printed :
        new String[] {
          config.toString(),
          config.describe(),
          config.db().toString(),
          config.fund().toString(),
          config.effective().toString()
        }) {
      assertThat(printed).doesNotContain(DB_PASSWORD).doesNotContain(FUND_PASSWORD);
    }
    assertThat(config.describe())
        .contains("db.password = ****")
        .contains("fund.password = ****")
        .contains("fund.user = 79034_BV");
  }

  @Test
  void theEffectiveConfigurationFollowsAReplacedDatabase() {
    GatewayConfig config =
        configured()
            .withDb(
                new GatewayConfig.Db(
                    "jdbc:mariadb://127.0.0.1:40123/", "demo", new Secret("other-secret-1"), 12))
            .withHttpPort(18080);
    assertThat(config.describe())
        .contains("db.url = jdbc:mariadb://127.0.0.1:40123/\n")
        .contains("db.user = demo\n")
        .contains("db.pool-size = 12\n")
        .contains("db.password = ****\n")
        .contains("http.port = 18080\n")
        .doesNotContain("db.example")
        .doesNotContain("other-secret-1");
    assertThat(config.toString()).doesNotContain("other-secret-1");
  }

  @Test
  void anEmptySecretIsShownEmpty() {
    assertThat(ConfigLoader.load("", Map.of()).describe()).contains("db.password = \n");
  }
}
