package vn.bhyt.gateway;

import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.bhyt.auth.Role;
import vn.bhyt.config.GatewayConfig;
import vn.bhyt.config.Secret;
import vn.bhyt.csv.ImportSummary;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.domain.Sex;
import vn.bhyt.fundsim.FundData;
import vn.bhyt.fundsim.FundSim;
import vn.bhyt.reference.ReferenceData;
import vn.bhyt.testing.ThrowawayMariaDb;
import vn.bhyt.verifier.card.CardPayload;
import vn.bhyt.verifier.card.CardQrWriter;
import vn.bhyt.verifier.registry.RegistryImporter;

/** Runs a self-contained demo: throwaway database, seeded registry, tokens, ready curl lines. */
@Command(
    name = "demo",
    description = "Start a throwaway database and the gateway with demo cards and tokens.")
final class Demo implements Callable<Integer> {
  @Option(
      names = "--cards",
      defaultValue = "5000",
      description = "random registry cards to seed (default: 5000)")
  int cards;

  @Override
  public Integer call() throws Exception {
    GatewayConfig config = ConfigFiles.load();
    ThrowawayMariaDb throwaway = null;
    if (!config.db().configured()) {
      System.err.println("starting a throwaway MariaDB server…");
      throwaway = ThrowawayMariaDb.start();
      config =
          config.withDb(
              new GatewayConfig.Db(
                  throwaway.createDatabase("bhyt_demo"),
                  "root",
                  new Secret(""),
                  config.db().poolSize()));
    }
    ThrowawayMariaDb db = throwaway;
    GatewayApp app;
    FundSim fund;
    try {
      fund = startFund(config);
    } catch (Exception e) {
      if (db != null) {
        db.close();
      }
      throw e;
    }
    config =
        config.withFund(config.fund().at(fund.url(), fundUser(config), new Secret(FUND_PASSWORD)));
    try {
      app = GatewayApp.start(config, Clock.system(config.zone()));
    } catch (Exception e) {
      fund.close();
      if (db != null) {
        db.close();
      }
      throw e;
    }
    LocalDate today = LocalDate.now(config.zone());
    FacilityCode here = config.facility().code();
    String csv = DemoRegistry.csv(2026, cards, ReferenceData.builtIn(), here, today);
    ImportSummary seeded =
        new RegistryImporter(app.dataSource()).importCsv(new StringReader(csv), rows -> {});
    app.registry().invalidateAll();
    Map<Role, String> tokens = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      tokens.put(role, app.tokens().create(role, "demo-" + role.code()));
    }
    Path photo = Path.of("run", "demo", "card.png");
    String qr = validCardQr(here, today);
    DemoPhoto.write(photo, qr, "Nguyễn Văn An");
    Path claim = Path.of("run", "demo", "claim.xml");
    int level = CardNumber.of(DemoCards.VALID).value().charAt(2) - '0';
    DemoClaim.write(
        claim, here, today, ReferenceData.builtIn().level(level).orElseThrow().fundPercent());
    Path fhirClaim = Path.of("run", "demo", "claim.json");
    DemoClaim.writeFhir(
        fhirClaim, here, today, ReferenceData.builtIn().level(level).orElseThrow().fundPercent());
    banner(
        System.out,
        app.port(),
        seeded,
        tokens,
        qr,
        photo,
        claim,
        fhirClaim,
        fund,
        fundUser(config));
    if (db == null) {
      Main.awaitShutdown(app, fund);
    } else {
      Main.awaitShutdown(app, fund, db);
    }
    return 0;
  }

  /** The simulated fund's password in the demo; not a secret, the fund is thrown away too. */
  static final String FUND_PASSWORD = "demo-fund";

  static String fundUser(GatewayConfig config) {
    return config.facility().code().value() + "_BV";
  }

  /** A simulated fund on a free loopback port, with its built-in cards. */
  static FundSim startFund(GatewayConfig config) throws java.io.IOException {
    return FundSim.builder(fundUser(config), FUND_PASSWORD)
        .host("127.0.0.1")
        .port(0)
        .zone(config.zone())
        .start();
  }

  private static void fundBanner(
      PrintStream out, FundSim fund, String user, String auth, String verify) {
    String admin = "http://127.0.0.1:" + fund.adminPort() + "/admin/faults";
    out.println();
    out.println("Simulated fund: " + fund.url() + " (admin: " + admin + ")");
    out.println("  (fund.url, fund.user and fund.password point at it)");
    out.println(
        "  # a card the demo registry lacks: the gateway asks the fund (\"source\":\"fund\")");
    String askFund =
        "  curl -s "
            + auth
            + " -H 'Content-Type: application/json' -d '{\"cardNumber\":\""
            + FundData.VALID
            + "\",\"name\":\"Nguyễn Thị Hoa\",\"birthDate\":\"1988-02-14\"}' "
            + verify;
    out.println(askFund);
    out.println(
        "  # the fund made slow (3 s), another card of its own: answered within fund.check-timeout"
            + " from the card alone, \"FUND_UNAVAILABLE\"; its late answer fills the registry");
    out.println("  curl -s -X PUT -d '{\"latency\":{\"*\":\"PT3S\"}}' " + admin);
    out.println(
        "  curl -s "
            + auth
            + " -H 'Content-Type: application/json' -d '{\"cardNumber\":\"QN5484899000002\","
            + "\"name\":\"Dương Văn Quân\",\"birthDate\":\"1992-05-01\"}' "
            + verify);
    out.println("  curl -s -X PUT -d '{}' " + admin);
    out.println("  # log in at the fund, then check one of its cards with the token");
    out.println(
        "  curl -s -H 'Content-Type: application/json' -d '{\"username\":\""
            + user
            + "\",\"password\":\""
            + FundSim.passwordHash(FUND_PASSWORD)
            + "\"}' "
            + fund.url()
            + "api/token/take");
    out.println(
        "  curl -s -H \"accessToken: $TOKEN\" -H \"tokenId: $ID_TOKEN\" -H 'Content-Type:"
            + " application/json' -d '{\"maThe\":\""
            + FundData.VALID
            + "\",\"hoTen\":\"Nguyễn Thị Hoa\",\"ngaySinh\":\"14/02/1988\"}' "
            + fund.url()
            + "api/egw/KQNhanLichSuKCB2019");
    out.flush();
  }

  /** The QR text of the demo's valid card, as its paper card would carry it. */
  static String validCardQr(FacilityCode here, LocalDate today) {
    LocalDate jan1 = today.withDayOfYear(1);
    return CardQrWriter.encode(
        CardPayload.printed(
            CardNumber.of(DemoCards.VALID),
            "Nguyễn Văn An",
            PartialDate.parse("1990-01-31"),
            Sex.MALE,
            "Công ty TNHH Demo",
            here,
            jan1,
            jan1.plusYears(1).minusDays(1)));
  }

  private static void banner(
      PrintStream out,
      int port,
      ImportSummary seeded,
      Map<Role, String> tokens,
      String qr,
      Path photo,
      Path claim,
      Path fhirClaim,
      FundSim fund,
      String fundUser) {
    String base = "http://127.0.0.1:" + port;
    String auth = "-H \"Authorization: Bearer " + tokens.get(Role.RECEPTION) + "\"";
    String verify = base + "/api/v1/cards/verify";
    out.println();
    out.println("BHYT gateway demo is running (" + seeded.line() + ").");
    out.println("  card check: POST " + verify);
    out.println("  health:     " + base + "/health/ready");
    out.println("  metrics:    " + base + "/metrics");
    out.println();
    out.println("Tokens (the database is thrown away when the demo stops):");
    tokens.forEach((role, token) -> out.printf("  %-10s %s%n", role.code(), token));
    out.println();
    out.println("Try:");
    out.println("  # a scanned card QR (valid, registered here)");
    out.println(
        "  curl -s "
            + auth
            + " -H 'Content-Type: application/json' -d '{\"qr\":\""
            + qr
            + "\"}' "
            + verify);
    out.println("  # a photo of the card");
    out.println(
        "  curl -s "
            + auth
            + " -H 'Content-Type: image/png' --data-binary @"
            + photo
            + " "
            + verify);
    out.println("  # a typed card number, name and birth date (self-referred inpatient)");
    out.println(
        "  curl -s "
            + auth
            + " -H 'Content-Type: application/json' -d '{\"cardNumber\":\"HT3010100000005\","
            + "\"name\":\"Bui Quoc Hai\",\"birthDate\":\"1950-08-08\",\"visit\":{\"kind\":\"inpatient\"}}' "
            + verify);
    out.println("  # an expired card, in English");
    out.println(
        "  curl -s "
            + auth
            + " -H 'Accept-Language: en' -H 'Content-Type: application/json' -d '{\"cardNumber\":\""
            + DemoCards.EXPIRED
            + "\",\"name\":\"Lê Việt Hưng\",\"birthDate\":\"1985-09-04\"}' "
            + verify);
    out.println("  # a wrong name (060)");
    out.println(
        "  curl -s "
            + auth
            + " -H 'Content-Type: application/json' -d '{\"cardNumber\":\""
            + DemoCards.VALID
            + "\",\"name\":\"Nguyen Van Binh\",\"birthDate\":\"1990-01-31\"}' "
            + verify);
    out.println("  # a claim file (XML 130) from billing, then the rules it was checked against");
    out.println(
        "  curl -s -H \"Authorization: Bearer "
            + tokens.get(Role.BILLING)
            + "\" -H 'Content-Type: application/xml' --data-binary @"
            + claim
            + " "
            + base
            + "/api/v1/claims");
    out.println(
        "  curl -s -H \"Authorization: Bearer "
            + tokens.get(Role.BILLING)
            + "\" "
            + base
            + "/api/v1/rules");
    out.println("  # the same kind of claim as a FHIR Claim");
    out.println(
        "  curl -s -H \"Authorization: Bearer "
            + tokens.get(Role.BILLING)
            + "\" -H 'Content-Type: application/fhir+json' --data-binary @"
            + fhirClaim
            + " "
            + base
            + "/fhir/Claim");
    fundBanner(out, fund, fundUser, auth, verify);
    out.println();
    out.println("Ctrl-C stops the gateway, the simulated fund and the throwaway database.");
    out.flush();
  }
}
