package vn.bhyt.claims.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.claim.ClaimFormat;
import vn.bhyt.claims.claim.ClaimRow;
import vn.bhyt.claims.claim.VerbatimTable;

/** A 4210 envelope written by hand: read with 130 names, kept with its own. */
class Qd4210EnvelopeTest {

  static final String XML1 =
      """
      <?xml version="1.0" encoding="utf-8"?>
      <TONG_HOP>
        <MA_LK>4210000456</MA_LK><STT>1</STT><MA_BN>00991</MA_BN>
        <HO_TEN>Lê Văn Tám</HO_TEN><NGAY_SINH>19850904</NGAY_SINH><GIOI_TINH>1</GIOI_TINH>
        <MA_THE>DN4010123456789</MA_THE><MA_DKBD>01043</MA_DKBD>
        <GT_THE_TU>20190101</GT_THE_TU><GT_THE_DEN>20191231</GT_THE_DEN>
        <TEN_BENH><![CDATA[Viêm dạ dày]]></TEN_BENH><MA_BENH>K29.7</MA_BENH>
        <MA_BENHKHAC>I10;E11.9</MA_BENHKHAC><MA_LYDO_VVIEN>1</MA_LYDO_VVIEN>
        <NGAY_VAO>201905060800</NGAY_VAO><NGAY_RA>201905061100</NGAY_RA>
        <MUC_HUONG>80</MUC_HUONG><T_THUOC>30000</T_THUOC><T_VTYT>0</T_VTYT>
        <T_TONGCHI>130300</T_TONGCHI><T_BNTT>0</T_BNTT><T_BHTT>104240</T_BHTT>
        <T_NGUONKHAC/><T_NGOAIDS/><MA_LOAI_KCB>1</MA_LOAI_KCB><MA_CSKCB>01043</MA_CSKCB>
      </TONG_HOP>
      """;

  /** XML2 as some billing software writes it: the list element is the root. */
  static final String XML2 =
      """
      <DSACH_CHI_TIET_THUOC>
        <CHI_TIET_THUOC>
          <MA_LK>4210000456</MA_LK><STT>1</STT><MA_THUOC>40.676</MA_THUOC><MA_NHOM>4</MA_NHOM>
          <TEN_THUOC>Omeprazol</TEN_THUOC><SO_LUONG>20</SO_LUONG><DON_GIA>1500</DON_GIA>
          <TYLE_TT>100</TYLE_TT><THANH_TIEN>30000</THANH_TIEN><MUC_HUONG>80</MUC_HUONG>
        </CHI_TIET_THUOC>
      </DSACH_CHI_TIET_THUOC>
      """;

  static final String XML3 =
      """
      <CHITIEU_CHITIET_DVKT_VTYT><DSACH_CHI_TIET_DVKT><CHI_TIET_DVKT>
        <MA_LK>4210000456</MA_LK><STT>1</STT><MA_DICH_VU>02.1896</MA_DICH_VU>
        <MA_NHOM>13</MA_NHOM><TEN_DICH_VU>Khám Nội</TEN_DICH_VU><SO_LUONG>1</SO_LUONG>
        <DON_GIA>100300</DON_GIA><TYLE_TT>100</TYLE_TT><THANH_TIEN>100300</THANH_TIEN>
        <TYLE_TT_BH>50</TYLE_TT_BH>
      </CHI_TIET_DVKT></DSACH_CHI_TIET_DVKT></CHITIEU_CHITIET_DVKT_VTYT>
      """;

  /** XML1 with a wrapper around its one row. */
  static final String WRAPPED_XML1 =
      "<CHITIEU_TONGHOP><TONG_HOP><MA_LK>4210000457</MA_LK><MA_THE>HT3790000000001</MA_THE>"
          + "<T_TONGCHI>0</T_TONGCHI></TONG_HOP></CHITIEU_TONGHOP>";

  private static List<ClaimDossier> read() throws Exception {
    RawEnvelope e =
        RawEnvelope.from("01043")
            .dossier()
            .table("XML1", XML1)
            .table("XML2", XML2)
            .table("XML3", XML3)
            .dossier()
            .table("XML1", WRAPPED_XML1);
    List<ClaimDossier> out = new ArrayList<>();
    new ClaimEnvelopeReader().read(e.stream(), out::add);
    return out;
  }

  @Test
  void theFormatIsJudgedPerDossierFromItsSummary() throws Exception {
    List<ClaimDossier> dossiers = read();

    assertThat(dossiers).extracting(ClaimDossier::format).containsOnly(ClaimFormat.QD4210);
    assertThat(dossiers.get(1).maLk()).contains("4210000457");
    assertThat(dossiers.get(1).summary().orElseThrow().text("MA_THE_BHYT"))
        .isEqualTo("HT3790000000001");
  }

  @Test
  void summaryNamesBecomeTheir130Names() throws Exception {
    ClaimRow s = read().get(0).summary().orElseThrow();

    assertThat(s.text("MA_THE_BHYT")).isEqualTo("DN4010123456789");
    assertThat(s.text("T_TONGCHI_BV")).isEqualTo("130300");
    assertThat(s.text("T_TONGCHI_BH")).isEqualTo("130300");
    assertThat(s.text("MA_BENH_CHINH")).isEqualTo("K29.7");
    assertThat(s.text("MA_BENH_KT")).isEqualTo("I10;E11.9");
    assertThat(s.text("TEN_BENH")).isEqualTo("Viêm dạ dày");
    assertThat(s.fields()).doesNotContainKeys("MA_THE", "T_TONGCHI", "MA_BENH", "MA_BENHKHAC");
    assertThat(s.has("T_NGUONKHAC")).isFalse();
  }

  @Test
  void lineNamesBecomeTheir130NamesWithOnePriceForBoth() throws Exception {
    ClaimDossier d = read().get(0);
    ClaimRow drug = d.rows("XML2").get(0);
    ClaimRow service = d.rows("XML3").get(0);

    assertThat(drug.line()).isEqualTo(1);
    assertThat(drug.fields())
        .containsEntry("DON_GIA", "1500")
        .containsEntry("DON_GIA_BV", "1500")
        .containsEntry("DON_GIA_BH", "1500")
        .containsEntry("THANH_TIEN_BV", "30000")
        .containsEntry("THANH_TIEN_BH", "30000")
        .containsEntry("TYLE_TT_DV", "100")
        .containsEntry("TYLE_TT_BH", "100")
        .doesNotContainKeys("THANH_TIEN", "TYLE_TT");
    assertThat(service.fields())
        .containsEntry("DON_GIA_BV", "100300")
        .containsEntry("DON_GIA_BH", "100300")
        .containsEntry("TYLE_TT_DV", "100")
        .containsEntry("TYLE_TT_BH", "50")
        .doesNotContainKeys("DON_GIA", "THANH_TIEN", "TYLE_TT");
  }

  @Test
  void tablesAreKeptWithTheir4210Names() throws Exception {
    ClaimDossier d = read().get(0);

    assertThat(d.verbatim())
        .extracting(VerbatimTable::name)
        .containsExactly("XML1", "XML2", "XML3");
    String xml1 =
        new String(
            Base64.getDecoder().decode(d.verbatim().get(0).base64()), StandardCharsets.UTF_8);
    assertThat(xml1).isEqualTo(XML1);
  }
}
