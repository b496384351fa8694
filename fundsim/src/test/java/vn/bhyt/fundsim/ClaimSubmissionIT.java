package vn.bhyt.fundsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.claim.ClaimDossiers;
import vn.bhyt.claims.intake.ClaimEnvelopeWriter;
import vn.bhyt.claims.intake.ClaimEnvelopes;

/** Claim submission, the look-up and assessment results, through the real server. */
class ClaimSubmissionIT {
  final TestClock clock = new TestClock(Instant.parse("2026-11-15T03:00:00Z"));
  FundSim sim;
  FundClient fund;

  @BeforeEach
  void start() throws Exception {
    sim =
        FundSim.builder("79034_BV", "secret")
            .host("127.0.0.1")
            .clock(clock)
            .assessmentDelay(Duration.ofMinutes(5))
            .start();
    fund = new FundClient(sim.url());
    fund.loginJson("79034_BV", "secret");
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  static ClaimDossiers visit(String maLk) {
    return ClaimDossiers.aVisit().withCard(FundData.VALID).withMaLk(maLk).withLevel(4);
  }

  static byte[] envelope(ClaimDossier... dossiers) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ClaimEnvelopeWriter.write(out, "79034", "20261101", List.of(dossiers));
    return out.toByteArray();
  }

  @Test
  void takesAFileAndAssessesItAfterTheDelay() throws Exception {
    FundClient.Answer taken = fund.submit(envelope(visit("LK0001").build()));
    assertThat(taken.code()).isEqualTo("200");
    assertThat(taken.body().path("thoiGianTiepNhan").asText()).isEqualTo("20261115100000");
    String id = taken.body().path("maGiaoDich").asText();
    String results = "api/qd130/nhanKetQuaGiamDinh?maCSKCB=79034&maGiaoDich=" + id;
    assertThat(fund.get(results).body().path("trangThai").asText()).isEqualTo("DANG_XU_LY");
    clock.advance(Duration.ofMinutes(5));
    JsonNode done = fund.get(results).body();
    assertThat(done.path("trangThai").asText()).isEqualTo("DA_GIAM_DINH");
    JsonNode dossier = done.path("dsHoSo").get(0);
    assertThat(dossier.path("maLk").asText()).isEqualTo("LK0001");
    assertThat(dossier.path("ketQua").asText()).isEqualTo("CHAP_NHAN");
    assertThat(dossier.path("soTienChapNhan").decimalValue())
        .isEqualByComparingTo(dossier.path("soTienDeNghi").decimalValue());
    assertThat(dossier.path("soTienDeNghi").decimalValue().signum()).isPositive();
    assertThat(dossier.path("dsLoi")).isEmpty();
  }

  @Test
  void cutsALineAboveTheCeilingAndRejectsAVisitTheCardDidNotCover() throws Exception {
    sim.close();
    sim =
        FundSim.builder("79034_BV", "secret")
            .host("127.0.0.1")
            .clock(clock)
            .assessmentDelay(Duration.ZERO)
            .start();
    fund = new FundClient(sim.url());
    fund.loginJson("79034_BV", "secret");
    JsonNode cut =
        assessed(
            fund.submit(
                envelope(visit("LK0002").with("XML3", 1, "DON_GIA_BH", "99000000").build())));
    assertThat(cut.path("ketQua").asText()).isEqualTo("CHAP_NHAN_MOT_PHAN");
    assertThat(cut.path("dsLoi")).hasSize(1);
    assertThat(cut.path("dsLoi").get(0).path("bang").asText()).isEqualTo("XML3");
    assertThat(cut.path("dsLoi").get(0).path("stt").asInt()).isEqualTo(1);
    assertThat(cut.path("dsLoi").get(0).path("maLoi").asText()).isEqualTo("GIA_VUOT_TRAN");
    assertThat(cut.path("soTienChapNhan").decimalValue())
        .isEqualByComparingTo(
            cut.path("soTienDeNghi")
                .decimalValue()
                .subtract(cut.path("dsLoi").get(0).path("soTienTuChoi").decimalValue()));
    JsonNode rejected =
        assessed(
            fund.submit(
                envelope(
                    ClaimDossiers.aVisit()
                        .withCard("DN4484899000006")
                        .withMaLk("LK0003")
                        .build())));
    assertThat(rejected.path("ketQua").asText()).isEqualTo("TU_CHOI");
    assertThat(rejected.path("soTienChapNhan").decimalValue().signum()).isZero();
  }

  private JsonNode assessed(FundClient.Answer taken) throws Exception {
    assertThat(taken.code()).isEqualTo("200");
    String id = taken.body().path("maGiaoDich").asText();
    JsonNode done = fund.get("api/qd130/nhanKetQuaGiamDinh?maCSKCB=79034&maGiaoDich=" + id).body();
    assertThat(done.path("trangThai").asText()).isEqualTo("DA_GIAM_DINH");
    return done.path("dsHoSo").get(0);
  }

  @Test
  void theOlderEndpointTakesTheSameAndA4210FileIsRead() throws Exception {
    byte[] file = ClaimEnvelopes.of(1, 5, 11).in4210().bytes();
    Map<String, String> form = form(Base64.getEncoder().encodeToString(file), "130", "79", "79034");
    FundClient.Answer taken =
        fund.send(
            fund.withToken(
                    fund.post("api/qd130/guiHoSoXmlQD4750", FundClient.FORM, FundClient.form(form)))
                .build());
    assertThat(taken.code()).isEqualTo("200");
    String maLk = ClaimEnvelopes.of(1, 5, 11).in4210().dossier(1).maLk().orElseThrow();
    JsonNode held =
        fund.get("api/qd130/traCuuHoSo?maCSKCB=79034&maLk=" + maLk).body().path("dsHoSo");
    assertThat(held).hasSize(1);
    assertThat(held.get(0).path("maGiaoDich").asText())
        .isEqualTo(taken.body().path("maGiaoDich").asText());
    assertThat(held.get(0).path("tongBHTT").decimalValue().signum()).isPositive();
  }

  @Test
  void anUnknownTransactionIs404() throws Exception {
    assertThat(fund.get("api/qd130/nhanKetQuaGiamDinh?maCSKCB=79034&maGiaoDich=nope").code())
        .isEqualTo("404");
  }

  @Test
  void aByteIdenticalFileIsTheSameTransactionAnyOtherANewOne() throws Exception {
    byte[] first = envelope(visit("LK0100").build());
    String id = fund.submit(first).body().path("maGiaoDich").asText();
    clock.advance(Duration.ofSeconds(1));
    assertThat(fund.submit(first.clone()).body().path("maGiaoDich").asText()).isEqualTo(id);
    byte[] other = envelope(visit("LK0100").seed(99).build());
    String second = fund.submit(other).body().path("maGiaoDich").asText();
    assertThat(second).isNotEqualTo(id);
    JsonNode held = fund.get("api/qd130/traCuuHoSo?maCSKCB=79034&maLk=LK0100").body();
    assertThat(held.path("dsHoSo")).hasSize(2);
    assertThat(held.path("dsHoSo").get(0).path("maGiaoDich").asText()).isEqualTo(id);
    assertThat(held.path("dsHoSo").get(1).path("maGiaoDich").asText()).isEqualTo(second);
    assertThat(held.path("dsHoSo").get(0).path("thoiGianTiepNhan").asText())
        .isEqualTo("20261115100000");
    assertThat(held.path("dsHoSo").get(1).path("thoiGianTiepNhan").asText())
        .isEqualTo("20261115100001");
    assertThat(held.path("dsHoSo").get(0).path("tongBHTT").decimalValue().signum()).isPositive();
    assertThat(fund.get("api/qd130/traCuuHoSo?maCSKCB=79034&maLk=LK9999").body().path("dsHoSo"))
        .isEmpty();
  }

  @Test
  void refusesWhatItCannotTakeWithTheReason() throws Exception {
    byte[] one = envelope(visit("LK0200").build());
    Map<String, byte[]> files = new HashMap<>();
    files.put("XML 130", "<?xml version=\"1.0\"?><OTHER/>".getBytes(StandardCharsets.UTF_8));
    files.put("one HOSO", envelope(visit("LK0201").build(), visit("LK0202").index(2).build()));
    files.put(
        "XML1",
        new String(one, StandardCharsets.UTF_8)
            .replace("<LOAIHOSO>XML1</LOAIHOSO>", "<LOAIHOSO>XML0</LOAIHOSO>")
            .getBytes(StandardCharsets.UTF_8));
    files.put("10 MB", new byte[FundApi.MAX_ENVELOPE + 1]);
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      FundClient.Answer a = fund.submit(e.getValue());
      assertThat(a.code()).as(e.getKey()).isEqualTo("205");
      assertThat(a.body().path("thongDiep").asText()).as(e.getKey()).contains(e.getKey());
    }
    String b64 = Base64.getEncoder().encodeToString(one);
    assertThat(refusal(form(b64, "130", "79", "79034"), "not base64", "%%%")).contains("base64");
    assertThat(refusal(form(b64, "4210", "79", "79034"), null, null)).contains("loaiHoSo");
    assertThat(refusal(form(b64, "130", "79", "79001"), null, null)).contains("maCSKCB");
    assertThat(refusal(form(b64, "130", "01", "79034"), null, null)).contains("maTinh");
    FundClient.Answer otherFacility =
        fund.submit(
            envelopeOf(
                "79001", ClaimDossiers.aVisit().facility("79001").withMaLk("LK0203").build()));
    assertThat(otherFacility.code()).isEqualTo("205");
    assertThat(otherFacility.body().path("thongDiep").asText()).contains("MACSKCB");
  }

  private static byte[] envelopeOf(String facility, ClaimDossier d) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ClaimEnvelopeWriter.write(out, facility, "20261101", List.of(d));
    return out.toByteArray();
  }

  private static Map<String, String> form(
      String b64, String type, String province, String facility) {
    Map<String, String> m = new HashMap<>();
    m.put("username", "79034_BV");
    m.put("loaiHoSo", type);
    m.put("maTinh", province);
    m.put("maCSKCB", facility);
    m.put("fileHSBase64", b64);
    return m;
  }

  private String refusal(Map<String, String> form, String why, String file) throws Exception {
    if (file != null) {
      form.put("fileHSBase64", file);
    }
    FundClient.Answer a = fund.submit(form);
    assertThat(a.code()).as(String.valueOf(why)).isEqualTo("205");
    return a.body().path("thongDiep").asText();
  }
}
