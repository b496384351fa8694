package vn.bhyt.claims.claim;

import static vn.bhyt.claims.claim.ClaimCatalog.digits;
import static vn.bhyt.claims.claim.ClaimCatalog.pick;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import vn.bhyt.claims.claim.ClaimCatalog.Diagnosis;
import vn.bhyt.claims.claim.ClaimCatalog.Drug;
import vn.bhyt.claims.claim.ClaimCatalog.Measure;
import vn.bhyt.claims.claim.ClaimCatalog.Service;
import vn.bhyt.reference.ReferenceData;

/** One generated visit: the patient, the card, the stay and its lines, as XML 130 tables. */
final class VisitDraft {
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMddHHmm");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

  private static final ReferenceData REFERENCE = ReferenceData.builtIn();
  private final Random r;
  private final ClaimDossiers spec;
  private final String maLk;
  private final int benefit;
  private final String card;
  private final Diagnosis diagnosis;
  private final LocalDateTime in;
  private final LocalDateTime out;
  private final String department;
  private final String doctor;
  private final List<Line> drugs = new ArrayList<>();
  private final List<Line> services = new ArrayList<>();

  /** A line of XML2 or XML3 with its money. */
  private record Line(Map<String, String> fields, LineMoney money, int group) {}

  VisitDraft(Random r, ClaimDossiers spec) {
    this.r = r;
    this.spec = spec;
    this.maLk = spec.maLk() != null ? spec.maLk() : "LK" + digits(r, 10);
    String drawn = pick(r, ClaimCatalog.GROUPS);
    int level = spec.level() != null ? spec.level() : drawn.charAt(2) - '0';
    this.card =
        spec.card() != null
            ? spec.card()
            : drawn.substring(0, 2) + level + pick(r, ClaimCatalog.PROVINCES) + digits(r, 10);
    this.benefit = spec.benefit() != null ? spec.benefit() : benefitOf(level);
    this.diagnosis = pick(r, ClaimCatalog.DIAGNOSES);
    this.in =
        LocalDateTime.of(
            2026, 1 + r.nextInt(10), 1 + r.nextInt(28), 7 + r.nextInt(9), r.nextInt(60));
    this.out =
        spec.isStay()
            ? in.plusDays(1 + r.nextInt(9)).withHour(8 + r.nextInt(8))
            : in.plusMinutes(30 + r.nextInt(270));
    this.department = spec.isStay() ? pick(r, List.of("K03", "K19", "K26")) : "K01";
    this.doctor = digits(r, 6) + "/" + pick(r, List.of("HCM", "HNO", "DNA")) + "-CCHN";
  }

  static int benefitOf(int level) {
    return switch (level) {
      case 3 -> 95;
      case 4 -> 80;
      default -> 100;
    };
  }

  /** The parsed tables in file order: XML1, then XML2 … XML5 when they have rows. */
  List<ClaimTable> tables() {
    for (int i = 0; i < spec.drugLines(); i++) {
      drugs.add(drug(i + 1));
    }
    for (int i = 0; i < spec.serviceLines(); i++) {
      services.add(service(i + 1));
    }
    if (spec.benefit() == null && benefit < 100 && smallVisit()) {
      drugs.replaceAll(VisitDraft::fullyPaid);
      services.replaceAll(VisitDraft::fullyPaid);
    }
    List<ClaimTable> tables = new ArrayList<>();
    tables.add(new ClaimTable(ClaimDossier.SUMMARY, List.of(new ClaimRow(1, summary()))));
    addTable(tables, ClaimDossier.DRUGS, drugs.stream().map(Line::fields).toList());
    addTable(tables, ClaimDossier.SERVICES, services.stream().map(Line::fields).toList());
    addTable(tables, ClaimDossier.RESULTS, results());
    addTable(tables, ClaimDossier.PROGRESS, progress());
    return tables;
  }

  /**
   * Whether the visit is small (reference section 4): its insured total under 15% of the base
   * salary on the visit date, which the fund then pays in full on the right route.
   */
  private boolean smallVisit() {
    BigDecimal insured = BigDecimal.ZERO;
    for (Line line : drugs) {
      insured = insured.add(line.money().insuredAmount());
    }
    for (Line line : services) {
      insured = insured.add(line.money().insuredAmount());
    }
    long salary = REFERENCE.baseSalaryOn(in.toLocalDate()).orElseThrow();
    return insured.compareTo(BigDecimal.valueOf(salary).multiply(new BigDecimal("0.15"))) < 0;
  }

  private static Line fullyPaid(Line line) {
    LineMoney m = line.money();
    LineMoney full =
        new LineMoney(
            m.quantity(),
            m.hospitalPrice(),
            m.insuredPrice(),
            m.serviceRatio(),
            m.insuranceRatio(),
            m.otherSources(),
            100);
    Map<String, String> fields = new LinkedHashMap<>(line.fields());
    amounts(fields, full);
    return new Line(fields, full, line.group());
  }

  private static void addTable(List<ClaimTable> to, String name, List<Map<String, String>> rows) {
    if (rows.isEmpty()) {
      return;
    }
    List<ClaimRow> numbered = new ArrayList<>();
    for (Map<String, String> row : rows) {
      numbered.add(new ClaimRow(numbered.size() + 1, row));
    }
    to.add(new ClaimTable(name, numbered));
  }

  /** Tables passed on without parsing: a discharge paper after a stay. */
  List<VerbatimTable> passedOn() {
    if (!spec.isStay()) {
      return List.of();
    }
    String xml7 =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CHI_TIEU_DU_LIEU_GIAY_RA_VIEN><MA_LK>"
            + maLk
            + "</MA_LK><NGAY_VAO>"
            + MINUTE.format(in)
            + "</NGAY_VAO><NGAY_RA>"
            + MINUTE.format(out)
            + "</NGAY_RA><CHAN_DOAN_RV>"
            + diagnosis.name()
            + "</CHAN_DOAN_RV></CHI_TIEU_DU_LIEU_GIAY_RA_VIEN>\n";
    return List.of(
        new VerbatimTable(
            "XML7", Base64.getEncoder().encodeToString(xml7.getBytes(StandardCharsets.UTF_8))));
  }

  private Map<String, String> summary() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("MA_LK", maLk);
    f.put("STT", "1");
    f.put("MA_BN", digits(r, 8));
    f.put("HO_TEN", name());
    f.put("SO_CCCD", "0" + card.substring(3, 5) + digits(r, 9));
    f.put(
        "NGAY_SINH",
        DAY.format(LocalDate.of(1940 + r.nextInt(80), 1 + r.nextInt(12), 1 + r.nextInt(28)))
            + "0000");
    f.put("GIOI_TINH", String.valueOf(1 + r.nextInt(2)));
    f.put("DIA_CHI", address());
    f.put("MATINH_CU_TRU", card.substring(3, 5));
    f.put("MA_THE_BHYT", card);
    f.put("MA_DKBD", r.nextInt(10) < 7 ? spec.facility() : card.substring(3, 5) + digits(r, 3));
    f.put("GT_THE_TU", in.getYear() - r.nextInt(2) + "0101");
    f.put("GT_THE_DEN", in.getYear() + "1231");
    f.put(
        "LY_DO_VV", pick(r, List.of("Sốt, ho", "Đau bụng", "Khám định kỳ", "Đau đầu, chóng mặt")));
    f.put("CHAN_DOAN_VAO", diagnosis.name());
    f.put("CHAN_DOAN_RV", diagnosis.name());
    f.put("MA_BENH_CHINH", diagnosis.icd());
    if (r.nextInt(10) < 3) {
      f.put("MA_BENH_KT", pick(r, ClaimCatalog.DIAGNOSES).icd());
    }
    f.put("MA_DOITUONG_KCB", f.get("MA_DKBD").equals(spec.facility()) ? "1.1" : "1.2");
    stay(f);
    totals(f);
    f.put("MA_KHOA", department);
    f.put("MA_CSKCB", spec.facility());
    f.put("CAN_NANG", String.valueOf(40 + r.nextInt(40)));
    return f;
  }

  private void stay(Map<String, String> f) {
    f.put("NGAY_VAO", MINUTE.format(in));
    if (spec.isStay()) {
      f.put("NGAY_VAO_NOI_TRU", MINUTE.format(in.plusMinutes(20)));
    }
    f.put("NGAY_RA", MINUTE.format(out));
    long days = Duration.between(in.toLocalDate().atStartOfDay(), out).toDays();
    f.put("SO_NGAY_DTRI", String.valueOf(spec.isStay() ? days + 1 : 0));
    f.put("KET_QUA_DTRI", "1");
    f.put("MA_LOAI_RV", "1");
    f.put("NGAY_TTOAN", MINUTE.format(out));
    f.put("NAM_QT", String.valueOf(out.getYear()));
    f.put("THANG_QT", String.valueOf(out.getMonthValue()));
    f.put("MA_LOAI_KCB", spec.isStay() ? "03" : "01");
  }

  private void totals(Map<String, String> f) {
    List<Line> all = new ArrayList<>(drugs);
    all.addAll(services);
    f.put("T_THUOC", sum(drugs, LineMoney::hospitalAmount));
    f.put(
        "T_VTYT",
        sum(
            services.stream().filter(l -> l.group == 10 || l.group == 11).toList(),
            LineMoney::hospitalAmount));
    f.put("T_TONGCHI_BV", sum(all, LineMoney::hospitalAmount));
    f.put("T_TONGCHI_BH", sum(all, LineMoney::insuredAmount));
    f.put("T_BNTT", sum(all, LineMoney::patientPaid));
    f.put("T_BNCCT", sum(all, LineMoney::coPayment));
    f.put("T_BHTT", sum(all, LineMoney::fundPaid));
    f.put("T_NGUONKHAC", sum(all, LineMoney::otherSources));
    f.put("T_BHTT_GDV", "0.00");
  }

  private static String sum(List<Line> lines, Function<LineMoney, BigDecimal> amount) {
    return LineMoney.money(
            lines.stream().map(l -> amount.apply(l.money)).reduce(BigDecimal.ZERO, BigDecimal::add))
        .toPlainString();
  }

  private Line drug(int stt) {
    Drug d = pick(r, ClaimCatalog.DRUGS);
    int roll = r.nextInt(100);
    int group = spec.only4210Shapes() || roll < 80 ? 4 : roll < 90 ? 6 : 5;
    BigDecimal quantity = BigDecimal.valueOf(1 + r.nextInt(30));
    BigDecimal price = BigDecimal.valueOf(d.low() + r.nextInt(d.high() - d.low() + 1));
    int ratio = group == 6 ? 50 : group == 5 ? 0 : 100;
    LineMoney money = money(quantity, price, price, 100, ratio);
    Map<String, String> f = lineStart(stt);
    f.put("MA_THUOC", d.code());
    f.put("MA_NHOM", String.valueOf(group));
    f.put("TEN_THUOC", d.name());
    f.put("DON_VI_TINH", d.unit());
    f.put("HAM_LUONG", d.strength());
    f.put("DUONG_DUNG", d.route());
    f.put(
        "LIEU_DUNG",
        "Ngày " + (1 + r.nextInt(3)) + " lần, mỗi lần 1 " + d.unit().toLowerCase(Locale.ROOT));
    f.put("SO_DANG_KY", "VD-" + digits(r, 5) + "-" + (15 + r.nextInt(10)));
    f.put("PHAM_VI", group == 5 ? "2" : "1");
    f.put("TYLE_TT_BH", String.valueOf(ratio));
    f.put("SO_LUONG", quantity.toPlainString());
    f.put("DON_GIA", price.toPlainString());
    amounts(f, money);
    orders(f, false);
    return new Line(f, money, group);
  }

  private Line service(int stt) {
    Service s =
        stt > 1
            ? serviceDrawn()
            : spec.isStay() ? ClaimCatalog.BED : pick(r, ClaimCatalog.CONSULTATIONS);
    long days = Math.max(1, Duration.between(in, out).toDays());
    int quantity = s.group() == 15 ? (int) days : s.supply() ? 1 + r.nextInt(5) : 1;
    BigDecimal hospital = BigDecimal.valueOf(s.price());
    boolean shapes130 = !spec.only4210Shapes();
    BigDecimal insured =
        s.group() == 11
            ? BigDecimal.ZERO
            : shapes130 && !s.supply() && r.nextInt(100) < 15
                ? BigDecimal.valueOf(Math.round(s.price() * 0.8))
                : hospital;
    int serviceRatio = shapes130 && s.group() == 8 && r.nextInt(100) < 20 ? 50 : 100;
    int insuranceRatio = s.group() == 9 ? 70 : 100;
    LineMoney money =
        money(BigDecimal.valueOf(quantity), hospital, insured, serviceRatio, insuranceRatio);
    Map<String, String> f = lineStart(stt);
    f.put(s.supply() ? "MA_VAT_TU" : "MA_DICH_VU", s.code());
    f.put("MA_NHOM", String.valueOf(s.group()));
    f.put(s.supply() ? "TEN_VAT_TU" : "TEN_DICH_VU", s.name());
    f.put("DON_VI_TINH", s.unit());
    f.put("PHAM_VI", s.group() == 11 ? "2" : "1");
    f.put("SO_LUONG", String.valueOf(quantity));
    f.put("DON_GIA_BV", hospital.toPlainString());
    f.put("DON_GIA_BH", insured.toPlainString());
    f.put("TYLE_TT_DV", String.valueOf(serviceRatio));
    f.put("TYLE_TT_BH", String.valueOf(insuranceRatio));
    amounts(f, money);
    if (s.group() == 15) {
      f.put("MA_GIUONG", "H" + digits(r, 3));
    }
    orders(f, s.group() <= 3);
    return new Line(f, money, s.group());
  }

  private Service serviceDrawn() {
    while (true) {
      Service s = pick(r, ClaimCatalog.SERVICES);
      boolean fits4210 = s.group() != 9 && s.group() != 11;
      boolean fitsVisit = spec.isStay() || s.group() != 8;
      if ((fits4210 || !spec.only4210Shapes()) && fitsVisit) {
        return s;
      }
    }
  }

  private LineMoney money(
      BigDecimal quantity,
      BigDecimal hospital,
      BigDecimal insured,
      int serviceRatio,
      int insuranceRatio) {
    LineMoney plain =
        new LineMoney(
            quantity, hospital, insured, serviceRatio, insuranceRatio, BigDecimal.ZERO, benefit);
    BigDecimal other =
        spec.otherSources() && r.nextInt(10) == 0
            ? LineMoney.money(plain.insuredAmount().multiply(BigDecimal.valueOf(0.1)))
            : LineMoney.money(BigDecimal.ZERO);
    return new LineMoney(quantity, hospital, insured, serviceRatio, insuranceRatio, other, benefit);
  }

  private Map<String, String> lineStart(int stt) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("MA_LK", maLk);
    f.put("STT", String.valueOf(stt));
    return f;
  }

  private static void amounts(Map<String, String> f, LineMoney m) {
    f.put("THANH_TIEN_BV", m.hospitalAmount().toPlainString());
    f.put("THANH_TIEN_BH", m.insuredAmount().toPlainString());
    f.put("T_NGUONKHAC", m.otherSources().toPlainString());
    f.put("MUC_HUONG", String.valueOf(m.benefit()));
    f.put("T_BNTT", m.patientPaid().toPlainString());
    f.put("T_BNCCT", m.coPayment().toPlainString());
    f.put("T_BHTT", m.fundPaid().toPlainString());
  }

  private void orders(Map<String, String> f, boolean result) {
    f.put("MA_KHOA", department);
    f.put("MA_BAC_SI", doctor);
    f.put("MA_BENH", diagnosis.icd());
    LocalDateTime ordered = between(in, out);
    LocalDateTime done = between(ordered, out);
    f.put("NGAY_YL", MINUTE.format(ordered));
    f.put("NGAY_TH_YL", MINUTE.format(done));
    if (result) {
      f.put("NGAY_KQ", MINUTE.format(between(done, out)));
    }
  }

  private LocalDateTime between(LocalDateTime from, LocalDateTime to) {
    long minutes = Duration.between(from, to).toMinutes();
    return from.plusMinutes(minutes <= 0 ? 0 : r.nextInt((int) minutes + 1));
  }

  private List<Map<String, String>> results() {
    List<Map<String, String>> rows = new ArrayList<>();
    for (Line s : services) {
      if (s.group() != 1 && s.group() != 2) {
        continue;
      }
      Map<String, String> f = lineStart(rows.size() + 1);
      f.put("MA_DICH_VU", s.fields().get("MA_DICH_VU"));
      if (s.group() == 1) {
        Measure m = pick(r, ClaimCatalog.MEASURES);
        f.put("MA_CHI_SO", m.code());
        f.put("TEN_CHI_SO", m.name());
        double value = m.low() + r.nextDouble() * (m.high() - m.low());
        f.put(
            "GIA_TRI", BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString());
        f.put("DON_VI_DO", m.unit());
      } else {
        f.put("MO_TA", "Hình ảnh trong giới hạn bình thường");
        f.put("KET_LUAN", "Chưa phát hiện bất thường");
      }
      f.put("NGAY_KQ", s.fields().get("NGAY_KQ"));
      f.put("MA_BS_DOC_KQ", doctor);
      rows.add(f);
    }
    return rows;
  }

  private List<Map<String, String>> progress() {
    int notes = spec.isStay() ? (int) Math.min(10, Duration.between(in, out).toDays() + 1) : 1;
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 0; i < notes; i++) {
      Map<String, String> f = lineStart(i + 1);
      f.put("DIEN_BIEN_LS", pick(r, ClaimCatalog.PROGRESS));
      LocalDateTime at = in.plusDays(i).plusMinutes(r.nextInt(60));
      f.put("THOI_DIEM_DBLS", MINUTE.format(at.isAfter(out) ? out : at));
      f.put("NGUOI_THUC_HIEN", doctor);
      rows.add(f);
    }
    return rows;
  }

  private String name() {
    return pick(r, ClaimCatalog.FAMILY)
        + " "
        + pick(r, ClaimCatalog.MIDDLE)
        + " "
        + pick(r, ClaimCatalog.GIVEN);
  }

  private String address() {
    String street = pick(r, ClaimCatalog.STREETS);
    String number =
        r.nextInt(8) == 0
            ? (1 + r.nextInt(99)) + " & " + (101 + r.nextInt(99))
            : String.valueOf(1 + r.nextInt(300));
    return "Số " + number + " đường " + street + ", " + pick(r, ClaimCatalog.TOWNS);
  }
}
