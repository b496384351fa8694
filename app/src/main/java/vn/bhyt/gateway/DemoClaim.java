package vn.bhyt.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.DateTimeType;
import vn.bhyt.claims.assessment.ClaimReference;
import vn.bhyt.claims.assessment.LineMoney;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.claim.ClaimFormat;
import vn.bhyt.claims.claim.ClaimRow;
import vn.bhyt.claims.claim.ClaimTable;
import vn.bhyt.claims.fhirclaim.ClaimMapper;
import vn.bhyt.claims.intake.ClaimEnvelopeWriter;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.fhir.FhirContexts;

/**
 * The demo's claim file: an XML 130 envelope of one outpatient visit of the demo's valid card today
 * (a consultation and a CT scan), its money computed as the reference formulas say.
 */
final class DemoClaim {
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  private DemoClaim() {}

  /** Writes the envelope to a file. */
  static void write(Path file, FacilityCode here, LocalDate today, int benefitPercent)
      throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    ClaimDossier dossier = dossier("DEMO" + DAY.format(today), here, today, benefitPercent);
    try (OutputStream out = Files.newOutputStream(file)) {
      ClaimEnvelopeWriter.write(out, here.value(), DAY.format(today), List.of(dossier));
    }
  }

  /** Writes a FHIR Claim (JSON) of another visit of the same card, for {@code POST /fhir/Claim}. */
  static void writeFhir(Path file, FacilityCode here, LocalDate today, int benefitPercent)
      throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    ClaimDossier dossier = dossier("DEMOFHIR" + DAY.format(today), here, today, benefitPercent);
    Claim claim =
        new ClaimMapper(ClaimReference.builtIn())
            .toClaim(dossier, null, new DateTimeType(java.util.Date.from(java.time.Instant.now())));
    Files.writeString(
        file, FhirContexts.r4().newJsonParser().setPrettyPrint(true).encodeResourceToString(claim));
  }

  private static ClaimDossier dossier(
      String maLk, FacilityCode here, LocalDate today, int benefitPercent) {
    String day = DAY.format(today);
    BigDecimal benefit = BigDecimal.valueOf(benefitPercent);
    List<Map<String, String>> lines =
        List.of(
            line(maLk, 1, "02.1896", "Khám Nội", 13, "45000", day + "0815", benefit),
            line(maLk, 2, "18.0071.0028", "Chụp CT sọ não", 2, "550000", day + "0900", benefit));
    ClaimDossier dossier =
        new ClaimDossier(
            ClaimFormat.QD130,
            here.value(),
            1,
            List.of(
                new ClaimTable(
                    ClaimDossier.SUMMARY,
                    List.of(new ClaimRow(1, summary(maLk, here, today, day, lines)))),
                new ClaimTable(ClaimDossier.SERVICES, rows(lines))),
            List.of());
    return dossier;
  }

  private static Map<String, String> line(
      String maLk,
      int stt,
      String code,
      String name,
      int group,
      String price,
      String at,
      BigDecimal benefit) {
    BigDecimal unit = new BigDecimal(price);
    BigDecimal hundred = BigDecimal.valueOf(100);
    LineMoney m =
        LineMoney.of(BigDecimal.ONE, unit, unit, hundred, hundred, BigDecimal.ZERO, benefit);
    Map<String, String> f = new LinkedHashMap<>();
    f.put("MA_LK", maLk);
    f.put("STT", Integer.toString(stt));
    f.put("MA_DICH_VU", code);
    f.put("TEN_DICH_VU", name);
    f.put("MA_NHOM", Integer.toString(group));
    f.put("DON_VI_TINH", "Lần");
    f.put("PHAM_VI", "1");
    f.put("SO_LUONG", "1");
    f.put("DON_GIA_BV", price);
    f.put("DON_GIA_BH", price);
    f.put("TYLE_TT_DV", "100");
    f.put("TYLE_TT_BH", "100");
    f.put("THANH_TIEN_BV", m.hospital().toPlainString());
    f.put("THANH_TIEN_BH", m.insured().toPlainString());
    f.put("T_NGUONKHAC", m.otherSources().toPlainString());
    f.put("MUC_HUONG", benefit.toPlainString());
    f.put("T_BNTT", m.patientPaid().toPlainString());
    f.put("T_BNCCT", m.coPayment().toPlainString());
    f.put("T_BHTT", m.fundShare().toPlainString());
    f.put("MA_KHOA", "K01");
    f.put("MA_BAC_SI", "000001/HCM-CCHN");
    f.put("MA_BENH", "R51");
    f.put("NGAY_YL", at);
    f.put("NGAY_TH_YL", at);
    f.put("NGAY_KQ", at.substring(0, 8) + "1000");
    return f;
  }

  private static Map<String, String> summary(
      String maLk,
      FacilityCode here,
      LocalDate today,
      String day,
      List<Map<String, String>> lines) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("MA_LK", maLk);
    f.put("STT", "1");
    f.put("MA_BN", "BN000001");
    f.put("HO_TEN", "Nguyễn Văn An");
    f.put("NGAY_SINH", "199001310000");
    f.put("GIOI_TINH", "1");
    f.put("MA_THE_BHYT", DemoCards.VALID);
    f.put("MA_DKBD", here.value());
    f.put("GT_THE_TU", today.getYear() + "0101");
    f.put("GT_THE_DEN", today.getYear() + "1231");
    f.put("MA_BENH_CHINH", "R51");
    f.put("MA_DOITUONG_KCB", "1.1");
    f.put("NGAY_VAO", day + "0800");
    f.put("NGAY_RA", day + "1100");
    f.put("SO_NGAY_DTRI", "0");
    f.put("MA_LOAI_KCB", "01");
    f.put("MA_KHOA", "K01");
    f.put("MA_CSKCB", here.value());
    f.put("T_THUOC", "0.00");
    f.put("T_VTYT", "0.00");
    f.put("T_TONGCHI_BV", sum(lines, "THANH_TIEN_BV"));
    f.put("T_TONGCHI_BH", sum(lines, "THANH_TIEN_BH"));
    f.put("T_BNTT", sum(lines, "T_BNTT"));
    f.put("T_BNCCT", sum(lines, "T_BNCCT"));
    f.put("T_BHTT", sum(lines, "T_BHTT"));
    f.put("T_NGUONKHAC", sum(lines, "T_NGUONKHAC"));
    return f;
  }

  private static String sum(List<Map<String, String>> lines, String field) {
    return lines.stream()
        .map(l -> new BigDecimal(l.get(field)))
        .reduce(BigDecimal.ZERO, BigDecimal::add)
        .toPlainString();
  }

  private static List<ClaimRow> rows(List<Map<String, String>> lines) {
    return java.util.stream.IntStream.range(0, lines.size())
        .mapToObj(i -> new ClaimRow(i + 1, lines.get(i)))
        .toList();
  }
}
