package vn.bhyt.claims.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.claim.ClaimFormat;
import vn.bhyt.claims.claim.ClaimRow;
import vn.bhyt.claims.claim.ClaimTable;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.FacilityLevel;
import vn.bhyt.verifier.rules.Facility;

/**
 * Test-data builder for claims: {@code aVisit().withLine(service("A", 13, "1", "39000")).build()}
 * gives a dossier whose lines and totals follow the money formulas; {@code with(field, value)} on
 * the visit or a line overrides a value after the money is computed.
 */
final class Dossiers {
  static final String FACILITY = "79034";
  static final String CARD = "DN4797912345678";
  static final LocalDate RECEIVED = LocalDate.of(2026, 3, 10);

  private final Map<String, String> summary = new LinkedHashMap<>();
  private final Map<String, String> overrides = new LinkedHashMap<>();
  private final List<LineBuilder> lines = new ArrayList<>();
  private final List<ClaimTable> extraTables = new ArrayList<>();
  private String facility = FACILITY;
  private String benefit = "80";

  private Dossiers() {
    summary.put("MA_LK", "LK0001");
    summary.put("STT", "1");
    summary.put("MA_BN", "BN0001");
    summary.put("HO_TEN", "Nguyễn Văn An");
    summary.put("NGAY_SINH", "199001310000");
    summary.put("GIOI_TINH", "1");
    summary.put("MA_THE_BHYT", CARD);
    summary.put("MA_DKBD", FACILITY);
    summary.put("GT_THE_TU", "20260101");
    summary.put("GT_THE_DEN", "20261231");
    summary.put("MA_BENH_CHINH", "J18.9");
    summary.put("MA_DOITUONG_KCB", "1.1");
    summary.put("NGAY_VAO", "202603050800");
    summary.put("NGAY_RA", "202603051100");
    summary.put("SO_NGAY_DTRI", "1");
    summary.put("MA_LOAI_KCB", "01");
    summary.put("MA_KHOA", "K01");
    summary.put("MA_CSKCB", FACILITY);
  }

  static Dossiers aVisit() {
    return new Dossiers();
  }

  /** The facility the tests assess for: a provincial hospital. */
  static Facility facility() {
    return new Facility(new FacilityCode(FACILITY), FacilityLevel.PROVINCIAL);
  }

  /** A context whose lookups know nothing. */
  static AssessmentContext nothingKnown() {
    return AssessmentContext.of(facility(), RECEIVED);
  }

  /** Sets a summary field after the totals are computed; null removes it. */
  Dossiers with(String field, String value) {
    overrides.put(field, value);
    return this;
  }

  Dossiers without(String field) {
    return with(field, null);
  }

  Dossiers withLine(LineBuilder line) {
    lines.add(line);
    return this;
  }

  /** The {@code MUC_HUONG} of every line that sets none. */
  Dossiers withBenefit(String percent) {
    benefit = percent;
    return this;
  }

  Dossiers submittedBy(String code) {
    facility = code;
    return this;
  }

  /** Adds a table the builder does not compute, such as {@code XML4}. */
  Dossiers withTable(String name, Map<String, String> row) {
    extraTables.add(new ClaimTable(name, List.of(new ClaimRow(1, row))));
    return this;
  }

  ClaimDossier build() {
    String key = summary.get("MA_LK");
    Map<String, List<ClaimRow>> rows = new LinkedHashMap<>();
    Map<String, BigDecimal> totals = new LinkedHashMap<>();
    for (LineBuilder line : lines) {
      List<ClaimRow> table = rows.computeIfAbsent(line.table, t -> new ArrayList<>());
      Map<String, String> fields = line.fields(key, table.size() + 1, benefit, summary);
      line.addTotals(totals);
      table.add(new ClaimRow(table.size() + 1, fields));
    }
    Map<String, String> top = new LinkedHashMap<>(summary);
    for (String t :
        List.of(
            "T_THUOC",
            "T_VTYT",
            "T_TONGCHI_BV",
            "T_TONGCHI_BH",
            "T_BNTT",
            "T_BNCCT",
            "T_BHTT",
            "T_NGUONKHAC")) {
      top.put(t, plain(totals.getOrDefault(t, BigDecimal.ZERO)));
    }
    apply(top, overrides);
    List<ClaimTable> tables = new ArrayList<>();
    tables.add(new ClaimTable(ClaimDossier.SUMMARY, List.of(new ClaimRow(1, top))));
    rows.forEach((name, r) -> tables.add(new ClaimTable(name, r)));
    tables.addAll(extraTables);
    return new ClaimDossier(ClaimFormat.QD130, facility, 1, tables, List.of());
  }

  static LineBuilder service(String code, int group, String quantity, String price) {
    return new LineBuilder(ClaimDossier.SERVICES, "MA_DICH_VU", code, group, quantity, price);
  }

  static LineBuilder supply(String code, String quantity, String price) {
    return new LineBuilder(ClaimDossier.SERVICES, "MA_VAT_TU", code, 10, quantity, price);
  }

  static LineBuilder drug(String code, String quantity, String price) {
    return new LineBuilder(ClaimDossier.DRUGS, "MA_THUOC", code, 4, quantity, price);
  }

  static String plain(BigDecimal amount) {
    return amount.stripTrailingZeros().toPlainString();
  }

  private static void apply(Map<String, String> fields, Map<String, String> changes) {
    changes.forEach(
        (k, v) -> {
          if (v == null) {
            fields.remove(k);
          } else {
            fields.put(k, v);
          }
        });
  }

  /** One line: its inputs, from which {@link #build()} computes its amounts. */
  static final class LineBuilder {
    private final String table;
    private final String codeField;
    private final String code;
    private int group;
    private final BigDecimal quantity;
    private BigDecimal hospitalPrice;
    private BigDecimal insuredPrice;
    private BigDecimal serviceRatio = LineMoney.HUNDRED;
    private BigDecimal insuredRatio = LineMoney.HUNDRED;
    private BigDecimal otherSources = BigDecimal.ZERO;
    private String benefit;
    private String orderedAt;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private LineMoney money;

    private LineBuilder(
        String table, String codeField, String code, int group, String quantity, String price) {
      this.table = table;
      this.codeField = codeField;
      this.code = code;
      this.group = group;
      this.quantity = new BigDecimal(quantity);
      this.hospitalPrice = new BigDecimal(price);
      this.insuredPrice = hospitalPrice;
    }

    LineBuilder group(int g) {
      group = g;
      return this;
    }

    /** A hospital price above the insured one. */
    LineBuilder hospitalPrice(String price) {
      hospitalPrice = new BigDecimal(price);
      return this;
    }

    LineBuilder serviceRatio(String percent) {
      serviceRatio = new BigDecimal(percent);
      return this;
    }

    LineBuilder insuredRatio(String percent) {
      insuredRatio = new BigDecimal(percent);
      return this;
    }

    LineBuilder otherSources(String amount) {
      otherSources = new BigDecimal(amount);
      return this;
    }

    LineBuilder benefit(String percent) {
      benefit = percent;
      return this;
    }

    /** {@code NGAY_YL}, {@code yyyyMMddHHmm}; by default an hour after admission. */
    LineBuilder orderedAt(String at) {
      orderedAt = at;
      return this;
    }

    /** Sets a field after the amounts are computed; null removes it. */
    LineBuilder with(String field, String value) {
      overrides.put(field, value);
      return this;
    }

    LineMoney money() {
      return money;
    }

    private Map<String, String> fields(
        String key, int stt, String defaultBenefit, Map<String, String> visit) {
      String muc = benefit != null ? benefit : defaultBenefit;
      money =
          LineMoney.of(
              quantity,
              hospitalPrice,
              insuredPrice,
              serviceRatio,
              insuredRatio,
              otherSources,
              new BigDecimal(muc));
      Map<String, String> f = new LinkedHashMap<>();
      f.put("MA_LK", key);
      f.put("STT", String.valueOf(stt));
      f.put(codeField, code);
      f.put("MA_NHOM", String.valueOf(group));
      f.put("SO_LUONG", plain(quantity));
      prices(f);
      f.put("TYLE_TT_BH", plain(insuredRatio));
      f.put("THANH_TIEN_BV", plain(money.hospital()));
      f.put("THANH_TIEN_BH", plain(money.insured()));
      f.put("T_NGUONKHAC", plain(money.otherSources()));
      f.put("MUC_HUONG", muc);
      f.put("T_BNTT", plain(money.patientPaid()));
      f.put("T_BNCCT", plain(money.coPayment()));
      f.put("T_BHTT", plain(money.fundShare()));
      f.put("NGAY_YL", orderedAt != null ? orderedAt : hourAfter(visit.get("NGAY_VAO")));
      apply(f, overrides);
      return f;
    }

    private void prices(Map<String, String> f) {
      if (table.equals(ClaimDossier.DRUGS)) {
        f.put("DON_GIA", plain(insuredPrice));
      } else {
        f.put("DON_GIA_BV", plain(hospitalPrice));
        f.put("DON_GIA_BH", plain(insuredPrice));
        f.put("TYLE_TT_DV", plain(serviceRatio));
      }
    }

    private void addTotals(Map<String, BigDecimal> totals) {
      if (group == 4 || group == 5 || group == 6) {
        totals.merge("T_THUOC", money.hospital(), BigDecimal::add);
      }
      if (group == 10 || group == 11) {
        totals.merge("T_VTYT", money.hospital(), BigDecimal::add);
      }
      totals.merge("T_TONGCHI_BV", money.hospital(), BigDecimal::add);
      totals.merge("T_TONGCHI_BH", money.insured(), BigDecimal::add);
      totals.merge("T_BNTT", money.patientPaid(), BigDecimal::add);
      totals.merge("T_BNCCT", money.coPayment(), BigDecimal::add);
      totals.merge("T_BHTT", money.fundShare(), BigDecimal::add);
      totals.merge("T_NGUONKHAC", money.otherSources(), BigDecimal::add);
    }

    private static String hourAfter(String admitted) {
      java.time.LocalDateTime at = Values.dateTime(admitted);
      if (at == null) {
        return admitted;
      }
      return at.plusHours(1).format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmm"));
    }
  }
}
