package vn.bhyt.claims.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.claim.ClaimFormat;
import vn.bhyt.claims.claim.ClaimRow;
import vn.bhyt.claims.claim.VerbatimTable;

/** A small XML 130 envelope written by hand, read field by field. */
class Qd130EnvelopeTest {

  static final String XML1 =
      """
      <?xml version="1.0" encoding="utf-8"?>
      <TONG_HOP>
        <MA_LK>LK2026000123</MA_LK>
        <STT>1</STT>
        <MA_BN>BN000777</MA_BN>
        <HO_TEN><![CDATA[Nguyễn Thị Hồng <Nhung>]]></HO_TEN>
        <NGAY_SINH>199003150000</NGAY_SINH>
        <GIOI_TINH>2</GIOI_TINH>
        <DIA_CHI><![CDATA[  Số 5 & 7, đường Lê Lợi, Quận 1  ]]></DIA_CHI>
        <MA_THE_BHYT>DN4790123456789</MA_THE_BHYT>
        <MA_DKBD>79034</MA_DKBD>
        <GT_THE_TU>20260101</GT_THE_TU>
        <GT_THE_DEN>20261231</GT_THE_DEN>
        <NGAY_MIEN_CCT></NGAY_MIEN_CCT>
        <MA_BENH_CHINH>J06.9</MA_BENH_CHINH>
        <MA_BENH_KT/>
        <NGAY_VAO>202601150830</NGAY_VAO>
        <NGAY_RA>202601151045</NGAY_RA>
        <T_TONGCHI_BV>1577300.00</T_TONGCHI_BV>
        <T_TONGCHI_BH>1148600.00</T_TONGCHI_BH>
        <T_BNTT>428700.00</T_BNTT>
        <T_BNCCT>229720.00</T_BNCCT>
        <T_BHTT>918880.00</T_BHTT>
        <T_NGUONKHAC>0.00</T_NGUONKHAC>
        <MA_LOAI_KCB>01</MA_LOAI_KCB>
        <MA_CSKCB>79034</MA_CSKCB>
      </TONG_HOP>
      """;

  static final String XML2 =
      """
      <?xml version="1.0" encoding="utf-8"?>
      <CHITIEU_CHITIET_THUOC>
       <DSACH_CHI_TIET_THUOC>
        <CHI_TIET_THUOC>
         <MA_LK>LK2026000123</MA_LK><STT>1</STT><MA_THUOC>40.152</MA_THUOC><MA_NHOM>4</MA_NHOM>
         <TEN_THUOC>Paracetamol</TEN_THUOC><SO_LUONG>10</SO_LUONG><DON_GIA>1500</DON_GIA>
         <TYLE_TT_BH>100</TYLE_TT_BH><THANH_TIEN_BV>15000.00</THANH_TIEN_BV>
         <THANH_TIEN_BH>15000.00</THANH_TIEN_BH><MUC_HUONG>80</MUC_HUONG>
        </CHI_TIET_THUOC>
        <CHI_TIET_THUOC>
         <MA_LK>LK2026000123</MA_LK><STT>2</STT><MA_THUOC>40.17</MA_THUOC><MA_NHOM>4</MA_NHOM>
         <TEN_THUOC><![CDATA[Amoxicilin 500mg]]></TEN_THUOC><SO_LUONG>20</SO_LUONG>
         <DON_GIA>1600</DON_GIA><TYLE_TT_BH>100</TYLE_TT_BH><THANH_TIEN_BV>32000.00</THANH_TIEN_BV>
         <THANH_TIEN_BH>32000.00</THANH_TIEN_BH><MUC_HUONG>80</MUC_HUONG>
        </CHI_TIET_THUOC>
       </DSACH_CHI_TIET_THUOC>
      </CHITIEU_CHITIET_THUOC>
      """;

  static final String XML3 =
      """
      <CHITIEU_CHITIET_DVKT_VTYT><DSACH_CHI_TIET_DVKT>
        <CHI_TIET_DVKT>
          <MA_LK>LK2026000123</MA_LK><STT>1</STT><MA_DICH_VU>02.1896</MA_DICH_VU>
          <MA_NHOM>13</MA_NHOM><TEN_DICH_VU>Khám Nội</TEN_DICH_VU><SO_LUONG>1</SO_LUONG>
          <DON_GIA_BV>100300</DON_GIA_BV><DON_GIA_BH>100300</DON_GIA_BH>
          <TYLE_TT_DV>100</TYLE_TT_DV><TYLE_TT_BH>100</TYLE_TT_BH>
          <THANH_TIEN_BV>100300.00</THANH_TIEN_BV><THANH_TIEN_BH>100300.00</THANH_TIEN_BH>
        </CHI_TIET_DVKT>
        <CHI_TIET_DVKT>
          <MA_LK>LK2026000123</MA_LK><STT>2</STT><MA_DICH_VU>18.0001.0001</MA_DICH_VU>
          <MA_NHOM>2</MA_NHOM><SO_LUONG>2</SO_LUONG>
          <DON_GIA_BV>714500</DON_GIA_BV><DON_GIA_BH>714500</DON_GIA_BH>
          <TYLE_TT_DV>100</TYLE_TT_DV><TYLE_TT_BH>70</TYLE_TT_BH>
          <THANH_TIEN_BV>1429000.00</THANH_TIEN_BV><THANH_TIEN_BH>1000300.00</THANH_TIEN_BH>
          <T_BHTT>800240.00</T_BHTT><T_BNCCT>200060.00</T_BNCCT><T_BNTT>428700.00</T_BNTT>
        </CHI_TIET_DVKT>
        <CHI_TIET_DVKT>
          <MA_LK>LK2026000123</MA_LK><STT>3</STT><MA_VAT_TU>N03.01.010</MA_VAT_TU>
          <MA_NHOM>10</MA_NHOM><SO_LUONG>1</SO_LUONG><DON_GIA_BV>1000</DON_GIA_BV>
          <NGAY_YL>   </NGAY_YL>
        </CHI_TIET_DVKT>
      </DSACH_CHI_TIET_DVKT></CHITIEU_CHITIET_DVKT_VTYT>
      """;

  static final String XML4 =
      """
      <CHITIEU_CHITIET_DICHVUCANLAMSANG><DSACH_CHI_TIET_CLS><CHI_TIET_CLS>
        <MA_LK>LK2026000123</MA_LK><STT>1</STT><MA_DICH_VU>18.0001.0001</MA_DICH_VU>
        <KET_LUAN><![CDATA[Gan, mật bình thường]]></KET_LUAN>
      </CHI_TIET_CLS></DSACH_CHI_TIET_CLS></CHITIEU_CHITIET_DICHVUCANLAMSANG>
      """;

  static final String XML5 =
      """
      <CHITIEU_CHITIET_DIENBIENLAMSANG><DSACH_CHI_TIET_DIEN_BIEN_BENH><CHI_TIET_DIEN_BIEN_BENH>
        <MA_LK>LK2026000123</MA_LK><STT>1</STT>
        <DIEN_BIEN_LS><![CDATA[Sốt 38,5°C; ho khan]]> , đau họng</DIEN_BIEN_LS>
      </CHI_TIET_DIEN_BIEN_BENH></DSACH_CHI_TIET_DIEN_BIEN_BENH></CHITIEU_CHITIET_DIENBIENLAMSANG>
      """;

  static final String XML14 =
      "<CHI_TIEU_GIAYHEN_KHAMLAI><MA_LK>LK2026000123</MA_LK>" + "</CHI_TIEU_GIAYHEN_KHAMLAI>";

  static final String SECOND_XML1 =
      "<TONG_HOP><MA_LK>LK2026000124</MA_LK><MA_THE_BHYT>HT3790000000001</MA_THE_BHYT>"
          + "<T_TONGCHI_BV>0</T_TONGCHI_BV></TONG_HOP>";

  private static RawEnvelope envelope() {
    return RawEnvelope.from("79034")
        .wrappingBase64()
        .dossier()
        .table("XML1", XML1)
        .table("XML2", XML2)
        .table("XML3", XML3)
        .table("XML4", XML4)
        .table("XML5", XML5)
        .table("XML14", XML14)
        .dossier()
        .table("XML1", SECOND_XML1);
  }

  private static List<ClaimDossier> read(RawEnvelope e) throws Exception {
    List<ClaimDossier> out = new ArrayList<>();
    EnvelopeHeader header = new ClaimEnvelopeReader().read(e.stream(), out::add);
    assertThat(header).isEqualTo(new EnvelopeHeader("79034", "20260115", 2));
    return out;
  }

  @Test
  void readsEveryDossierInOrder() throws Exception {
    List<ClaimDossier> dossiers = read(envelope());

    assertThat(dossiers).extracting(ClaimDossier::index).containsExactly(1, 2);
    assertThat(dossiers).extracting(ClaimDossier::format).containsOnly(ClaimFormat.QD130);
    assertThat(dossiers).extracting(ClaimDossier::facilityCode).containsOnly("79034");
    assertThat(dossiers.get(0).maLk()).contains("LK2026000123");
    assertThat(dossiers.get(1).maLk()).contains("LK2026000124");
    assertThat(dossiers.get(0).tables())
        .extracting(t -> t.name())
        .containsExactly("XML1", "XML2", "XML3", "XML4", "XML5");
    assertThat(dossiers.get(1).tables()).extracting(t -> t.name()).containsExactly("XML1");
  }

  @Test
  void summaryFieldsAreTrimmedWithCdataUnwrappedAndEmptyOnesLeftOut() throws Exception {
    ClaimRow summary = read(envelope()).get(0).summary().orElseThrow();

    assertThat(summary.line()).isEqualTo(1);
    assertThat(summary.text("HO_TEN")).isEqualTo("Nguyễn Thị Hồng <Nhung>");
    assertThat(summary.text("DIA_CHI")).isEqualTo("Số 5 & 7, đường Lê Lợi, Quận 1");
    assertThat(summary.text("MA_THE_BHYT")).isEqualTo("DN4790123456789");
    assertThat(summary.text("T_TONGCHI_BV")).isEqualTo("1577300.00");
    assertThat(summary.has("NGAY_MIEN_CCT")).isFalse();
    assertThat(summary.has("MA_BENH_KT")).isFalse();
    assertThat(summary.fields()).hasSize(22);
  }

  @Test
  void linesAreNumberedFromOneInFileOrder() throws Exception {
    ClaimDossier d = read(envelope()).get(0);

    assertThat(d.rows("XML2")).extracting(ClaimRow::line).containsExactly(1, 2);
    assertThat(d.rows("XML2").get(1).text("TEN_THUOC")).isEqualTo("Amoxicilin 500mg");
    assertThat(d.rows("XML2").get(0).text("DON_GIA")).isEqualTo("1500");
    assertThat(d.rows("XML3")).extracting(ClaimRow::line).containsExactly(1, 2, 3);
    ClaimRow imaging = d.rows("XML3").get(1);
    assertThat(imaging.text("THANH_TIEN_BH")).isEqualTo("1000300.00");
    assertThat(imaging.text("T_BHTT")).isEqualTo("800240.00");
    assertThat(d.rows("XML3").get(2).has("NGAY_YL")).isFalse();
    assertThat(d.rows("XML4").get(0).text("KET_LUAN")).isEqualTo("Gan, mật bình thường");
    assertThat(d.rows("XML5").get(0).text("DIEN_BIEN_LS"))
        .isEqualTo("Sốt 38,5°C; ho khan , đau họng");
  }

  @Test
  void everyTableIsKeptAsReceivedInFileOrder() throws Exception {
    RawEnvelope e = envelope();
    ClaimDossier d = read(e).get(0);

    assertThat(d.verbatim())
        .extracting(VerbatimTable::name)
        .containsExactly("XML1", "XML2", "XML3", "XML4", "XML5", "XML14");
    String xml14 = d.verbatim().get(5).base64();
    assertThat(xml14)
        .as("line breaks as XML reports them")
        .isEqualTo(mime(XML14).replace("\r\n", "\n"));
    assertThat(e.xml().replace("\r\n", "\n")).contains(d.verbatim().get(0).base64());
    assertThat(d.table("XML14")).isEmpty();
  }

  @Test
  void aByteOrderMarkBeforeTheEnvelopeIsAccepted() throws Exception {
    byte[] body = envelope().bytes();
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    List<ClaimDossier> out = new ArrayList<>();

    new ClaimEnvelopeReader().read(new ByteArrayInputStream(withBom), out::add);

    assertThat(out).hasSize(2);
  }

  @Test
  void aLargeTableInCdataIsReadInPieces() throws Exception {
    String row =
        "<CHI_TIET_DVKT><MA_LK>LK2026000123</MA_LK><TEN_DICH_VU>%s</TEN_DICH_VU></CHI_TIET_DVKT>";
    StringBuilder xml3 = new StringBuilder("<CHITIEU_CHITIET_DVKT_VTYT><DSACH_CHI_TIET_DVKT>");
    for (int i = 0; i < 2_000; i++) {
      xml3.append(String.format(row, "Dịch vụ số " + i));
    }
    xml3.append("</DSACH_CHI_TIET_DVKT></CHITIEU_CHITIET_DVKT_VTYT>");
    String base64 =
        Base64.getEncoder().encodeToString(xml3.toString().getBytes(StandardCharsets.UTF_8));
    RawEnvelope e =
        RawEnvelope.from("79034")
            .dossier()
            .table("XML1", XML1)
            .content("XML3", "<![CDATA[" + base64 + "]]>");
    ClaimEnvelopeReader reader = new ClaimEnvelopeReader(new IntakeLimits(1 << 20, 5_000, 1_000));
    List<ClaimDossier> out = new ArrayList<>();

    reader.read(e.stream(), out::add);

    assertThat(base64.length()).isGreaterThan(200_000);
    assertThat(out.get(0).rows("XML3")).hasSize(2_000);
    assertThat(out.get(0).rows("XML3").get(1_999).text("TEN_DICH_VU")).isEqualTo("Dịch vụ số 1999");
    assertThat(out.get(0).verbatim().get(1).base64()).isEqualTo(base64);
  }

  private static String mime(String xml) {
    return Base64.getMimeEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
  }
}
