package vn.bhyt.fundsim;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.bhyt.domain.PartialDate;

/**
 * The endpoints of the fund's API (reference section 7): each takes a call that passed the fault
 * checks and answers it. Answers are HTTP 200 with {@code maKetQua}, except a 401 sent as HTTP 401
 * when so configured.
 */
final class FundApi {
  /** Decoded envelopes the fund takes per call. */
  static final int MAX_ENVELOPE = 10 * 1024 * 1024;

  private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  private final FundSim sim;
  private final Clock clock;
  private final ZoneId zone;

  FundApi(FundSim sim, Clock clock, ZoneId zone) {
    this.sim = sim;
    this.clock = clock;
    this.zone = zone;
  }

  /** The result code of the answer sent, for the log. */
  String login(Exchange ex) throws IOException {
    String user = ex.field("username");
    String password = ex.field("password");
    if (user == null || password == null) {
      return answer(ex, "205", "thongDiep", "username and password are required");
    }
    if (sim.overLimit(user)) {
      return tooMany(ex);
    }
    Accounts.Login login = sim.accounts().login(user, password);
    Accounts.Token t = login.token();
    if (t == null) {
      if (login.code().equals("401")) {
        return unauthorised(ex);
      }
      return answer(ex, login.code(), "thongDiep", "login refused");
    }
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("access_token", t.accessToken());
    key.put("id_token", t.idToken());
    key.put("token_type", "Bearer");
    key.put("username", t.user());
    key.put("expires_in", t.expiresAt().toString());
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("maKetQua", sim.code("200"));
    a.put("APIKey", key);
    ex.send(200, a);
    return "200";
  }

  String check(Exchange ex, boolean withClerk) throws IOException {
    String card = ex.field("maThe");
    String name = ex.field("hoTen");
    String birth = ex.field("ngaySinh");
    Optional<PartialDate> born = birth == null ? Optional.empty() : CardCheck.birthDate(birth);
    if (card == null || name == null || born.isEmpty()) {
      return answer(ex, "205", "ghiChu", "maThe, hoTen and ngaySinh (dd/MM/yyyy or yyyy) needed");
    }
    if (withClerk) {
      String clerkName = ex.field("hoTenCb");
      String clerkId = ex.field("cccdCb");
      if (clerkName == null || clerkId == null || !clerkId.strip().matches("[0-9]{12}")) {
        return answer(ex, "205", "ghiChu", "hoTenCb and cccdCb (12 digits) needed");
      }
      Optional<String> refusal =
          sim.check().clerkRefusal(clerkId.strip(), clerkName, sim.accounts().facility());
      if (refusal.isPresent()) {
        return answer(ex, refusal.get(), "ghiChu", sim.meaning(refusal.get()));
      }
    }
    Map<String, Object> a =
        sim.check()
            .answer(
                new CardCheck.Question(card, name, born.get()),
                LocalDate.now(clock.withZone(zone)));
    String code = String.valueOf(a.get("maKetQua"));
    a.put("maKetQua", sim.code(code));
    ex.send(200, a);
    return code;
  }

  String submit(Exchange ex) throws IOException {
    ex.readBody(MAX_ENVELOPE * 3 + (1 << 16));
    if (ex.tooLarge()) {
      return answer(ex, "205", "thongDiep", "the file is over the size limit of 10 MB");
    }
    String facility = sim.accounts().facility();
    String file = ex.field("fileHSBase64");
    String refusal = formRefusal(ex, facility, file);
    if (refusal != null || file == null) {
      return answer(ex, "205", "thongDiep", refusal == null ? "fileHSBase64 is empty" : refusal);
    }
    byte[] xml;
    try {
      xml = Base64.getDecoder().decode(file.replace(' ', '+').replaceAll("[\\r\\n]", ""));
    } catch (IllegalArgumentException e) {
      return answer(ex, "205", "thongDiep", "fileHSBase64 is not base64");
    }
    if (xml.length > MAX_ENVELOPE) {
      return answer(ex, "205", "thongDiep", "the file is over the size limit of 10 MB");
    }
    Envelope envelope;
    try {
      envelope = Envelope.read(xml);
    } catch (Envelope.Refusal r) {
      return answer(ex, "205", "thongDiep", String.valueOf(r.getMessage()));
    }
    if (!envelope.facility().equals(facility)) {
      return answer(ex, "205", "thongDiep", "MACSKCB of the file is not maCSKCB");
    }
    Ledger.Transaction t =
        sim.ledger()
            .take(
                facility, sha256(xml), clock.instant(), sim.assessor().assess(envelope.dossier()));
    if (sim.dropAfterTake()) {
      ex.drop();
      return "dropped";
    }
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("maKetQua", sim.code("200"));
    a.put("maGiaoDich", t.maGiaoDich());
    a.put("thongDiep", "received");
    a.put("thoiGianTiepNhan", RECEIVED.format(t.received().atZone(zone)));
    ex.send(200, a);
    return "200";
  }

  private static @Nullable String formRefusal(Exchange ex, String facility, @Nullable String file)
      throws IOException {
    if (!"130".equals(ex.field("loaiHoSo"))) {
      return "loaiHoSo must be 130";
    }
    if (!facility.equals(ex.field("maCSKCB"))) {
      return "maCSKCB is not the facility of this account";
    }
    if (!facility.substring(0, 2).equals(ex.field("maTinh"))) {
      return "maTinh is not the province of maCSKCB";
    }
    return file == null || file.isBlank() ? "fileHSBase64 is empty" : null;
  }

  String lookUp(Exchange ex) throws IOException {
    String maLk = ex.query("maLk");
    if (!sim.accounts().facility().equals(ex.query("maCSKCB")) || maLk == null) {
      return answer(ex, "205", "thongDiep", "maCSKCB of this account and maLk needed");
    }
    List<Map<String, Object>> list = new ArrayList<>();
    for (Ledger.Transaction t : sim.ledger().byMaLk(sim.accounts().facility(), maLk)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("maLk", t.result().maLk());
      m.put("maGiaoDich", t.maGiaoDich());
      m.put("thoiGianTiepNhan", RECEIVED.format(t.received().atZone(zone)));
      m.put("tongBHTT", t.result().asked());
      list.add(m);
    }
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("maKetQua", sim.code("200"));
    a.put("dsHoSo", list);
    ex.send(200, a);
    return "200";
  }

  String results(Exchange ex, Duration delay) throws IOException {
    String id = ex.query("maGiaoDich");
    if (!sim.accounts().facility().equals(ex.query("maCSKCB")) || id == null) {
      return answer(ex, "205", "thongDiep", "maCSKCB of this account and maGiaoDich needed");
    }
    Optional<Ledger.Transaction> found = sim.ledger().byId(sim.accounts().facility(), id);
    if (found.isEmpty()) {
      return answer(ex, "404", "thongDiep", "no such transaction");
    }
    Ledger.Transaction t = found.get();
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("maKetQua", sim.code("200"));
    a.put("maGiaoDich", t.maGiaoDich());
    if (clock.instant().isBefore(t.received().plus(delay))) {
      a.put("trangThai", "DANG_XU_LY");
    } else {
      a.put("trangThai", "DA_GIAM_DINH");
      a.put("dsHoSo", List.of(result(t.result())));
    }
    ex.send(200, a);
    return "200";
  }

  private static Map<String, Object> result(Assessor.Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("maLk", r.maLk());
    m.put("ketQua", r.outcome());
    m.put("soTienDeNghi", r.asked());
    m.put("soTienChapNhan", r.accepted());
    List<Map<String, Object>> errors = new ArrayList<>();
    for (Assessor.LineError e : r.errors()) {
      Map<String, Object> err = new LinkedHashMap<>();
      err.put("bang", e.table());
      err.put("stt", e.stt());
      err.put("maLoi", e.code());
      err.put("moTaLoi", e.message());
      err.put("soTienTuChoi", e.refused());
      errors.add(err);
    }
    m.put("dsLoi", errors);
    return m;
  }

  String unauthorised(Exchange ex) throws IOException {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("maKetQua", sim.code("401"));
    a.put("thongDiep", "authentication failed");
    ex.send(sim.unauthorisedStatus(), a);
    return "401";
  }

  String tooMany(Exchange ex) throws IOException {
    return answer(ex, "500", "thongDiep", "too many calls for this account: try again later");
  }

  private String answer(Exchange ex, String code, String field, String message) throws IOException {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("maKetQua", sim.code(code));
    a.put(field, message);
    ex.send(200, a);
    return code;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
