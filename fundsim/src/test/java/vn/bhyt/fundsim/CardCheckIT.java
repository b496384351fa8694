package vn.bhyt.fundsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every result code of the card check, through the real server on a real port. */
class CardCheckIT {
  static final TestClock CLOCK = new TestClock(Instant.parse("2026-11-15T03:00:00Z"));
  static FundSim sim;
  static FundClient fund;

  @BeforeAll
  static void start() throws Exception {
    sim = FundSim.builder("79034_BV", "secret").clock(CLOCK).host("127.0.0.1").start();
    fund = new FundClient(sim.url());
    assertThat(fund.loginJson("79034_BV", "secret").code()).isEqualTo("200");
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  static String code(String card, String name, String birth) throws Exception {
    FundClient.Answer a = fund.check2019(card, name, birth);
    assertThat(a.status()).isEqualTo(200);
    return a.code();
  }

  @Test
  void everyResultCodeOfTheListIsProduced() throws Exception {
    Set<String> seen = new HashSet<>();
    seen.add(code(FundData.VALID, "Nguyễn Thị Hoa", "14/02/1988"));
    seen.add(code("QN5484899000002", "Dương Văn Quân", "01/05/1992"));
    seen.add(code("CA5484899000003", "Lý Thị Công", "20/07/1990"));
    seen.add(code("GD4484899000004", "Võ Văn Đổi", "03/03/1970"));
    seen.add(code("HC4484899000005", "Phạm Thị Mới", "12/12/1985"));
    seen.add(code("DN4484899000006", "Lê Văn Hết", "09/09/1979"));
    seen.add(code("DN4484897999999", "Nguyễn Thị Hoa", "14/02/1988"));
    seen.add(code("HX4484899000001", "Nguyễn Thị Hoa", "14/02/1988"));
    seen.add(code("DN4794899000001", "Nguyễn Thị Hoa", "14/02/1988"));
    seen.add(code("DN3484899000001", "Nguyễn Thị Hoa", "14/02/1988"));
    seen.add(code(FundData.VALID, "Trần Văn Bình", "14/02/1988"));
    seen.add(code(FundData.VALID, "Nguyễn Văn Hoa", "14/02/1988"));
    seen.add(code(FundData.VALID, "Nguyễn Thị Hoa", "15/02/1988"));
    seen.add(code("DN4484899000010", "Đỗ Lỗi Đọc", "01/01/1980"));
    seen.add(code("DN4484899000011", "Đỗ Lỗi Máy", "01/01/1980"));
    seen.add(code("DN4484899000012", "Đỗ Lỗi Quỹ", "01/01/1980"));
    seen.add(code("HS4484899000013", "Trần Thị Thu", "2009"));
    for (int reason = 120; reason <= 124; reason++) {
      seen.add(code("HC4484899000" + reason, "Phạm Văn Giảm", "0" + (reason - 119) + "/04/1975"));
    }
    String child = LocalDate.of(2023, 11, 15).format(CardCheck.DAY);
    seen.add(code("TE1484899000030", "Hoàng Bé Na", child));
    seen.add(code(FundData.VALID, "Nguyễn Thị Hoa", "1988-02-14"));
    seen.add(
        fund.check2024(FundData.VALID, "Nguyễn Thị Hoa", "14/02/1988", "Ai Đó", "048000000000")
            .code());
    seen.add(
        fund.check2024(
                FundData.VALID, "Nguyễn Thị Hoa", "14/02/1988", "Người Khác", FundData.CLERK_ID)
            .code());
    FundClient stranger = new FundClient(sim.url());
    seen.add(stranger.check2019(FundData.VALID, "Nguyễn Thị Hoa", "14/02/1988").code());

    assertThat(seen).containsExactlyInAnyOrderElementsOf(listedCodes());
  }

  static Set<String> listedCodes() throws Exception {
    List<String> lines =
        Files.readAllLines(Path.of("..", "config", "reference", "vss-result-codes.csv"));
    return lines.stream()
        .skip(1)
        .filter(l -> !l.isBlank())
        .map(l -> l.substring(0, l.indexOf(',')))
        .collect(Collectors.toSet());
  }

  @Test
  void aValidCardComesWithEveryFieldAndItsHistory() throws Exception {
    FundClient.Answer a = fund.check2019(FundData.VALID, "nguyen thi hoa", "14/02/1988");
    assertThat(a.code()).isEqualTo("000");
    assertThat(a.body().path("hoTen").asText()).isEqualTo("Nguyễn Thị Hoa");
    assertThat(a.body().path("gioiTinh").asText()).isEqualTo("Nữ");
    assertThat(a.body().path("ngaySinh").asText()).isEqualTo("14/02/1988");
    assertThat(a.body().path("gtTheTu").asText()).isEqualTo("01/01/2026");
    assertThat(a.body().path("gtTheDen").asText()).isEqualTo("31/12/2026");
    assertThat(a.body().path("maSoBHXH").asText()).isEqualTo("4899000001");
    assertThat(a.body().path("dsLichSuKCB2018")).hasSize(2);
    assertThat(a.body().path("dsLichSuKCB2018").get(1).path("ngayVao").asText())
        .isEqualTo("15/11/2026");
    for (String field :
        List.of(
            "ghiChu",
            "maThe",
            "diaChi",
            "maDKBD",
            "cqBHXH",
            "maKV",
            "ngayDu5Nam",
            "maTheCu",
            "maTheMoi",
            "gtTheTuMoi",
            "gtTheDenMoi",
            "maDKBDMoi")) {
      assertThat(a.body().has(field)).as(field).isTrue();
    }
  }

  @Test
  void aReplacedCardNamesTheNewOne() throws Exception {
    FundClient.Answer expired = fund.check2019("GD4484899000004", "Võ Văn Đổi", "03/03/1970");
    assertThat(expired.code()).isEqualTo("003");
    assertThat(expired.body().path("maTheMoi").asText()).isEqualTo("4899000004");
    assertThat(expired.body().path("gtTheTuMoi").asText()).isEqualTo("01/01/2026");
    assertThat(expired.body().path("maDKBDMoi").asText()).isEqualTo("79034");
    FundClient.Answer valid = fund.check2019("HC4484899000005", "Phạm Thị Mới", "12/12/1985");
    assertThat(valid.code()).isEqualTo("004");
    assertThat(valid.body().path("maTheMoi").asText()).isEqualTo("4899000005");
    FundClient.Answer newer = fund.check2019("4899000005", "Phạm Thị Mới", "12/12/1985");
    assertThat(newer.code()).isEqualTo("000");
    assertThat(newer.body().path("maTheCu").asText()).isEqualTo("HC4484899000005");
  }

  @Test
  void theClerkCheckPassesARegisteredClerk() throws Exception {
    FundClient.Answer a =
        fund.check2024(
            FundData.VALID, "Nguyễn Thị Hoa", "14/02/1988", "tran van kiem", FundData.CLERK_ID);
    assertThat(a.code()).isEqualTo("000");
    assertThat(
            fund.check2024(FundData.VALID, "Nguyễn Thị Hoa", "14/02/1988", "Trần Văn Kiểm", "123")
                .code())
        .isEqualTo("205");
  }
}
