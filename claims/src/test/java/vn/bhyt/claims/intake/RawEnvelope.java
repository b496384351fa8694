package vn.bhyt.claims.intake;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Test-data builder for envelopes written by hand, table by table, so that any part can be wrong:
 * {@code RawEnvelope.from("79034").dossier().table("XML1", xml).content("XML2", "not base64")}.
 */
public final class RawEnvelope {
  private final StringBuilder dossiers = new StringBuilder();
  private final String facilityCode;
  private int count;
  private boolean open;
  private boolean wrapBase64;

  private RawEnvelope(String facilityCode) {
    this.facilityCode = facilityCode;
  }

  /** An envelope from that facility ({@code MACSKCB}). */
  public static RawEnvelope from(String facilityCode) {
    return new RawEnvelope(facilityCode);
  }

  /** Base64 broken into lines of 76 characters with CR LF, as MIME encoders write it. */
  public RawEnvelope wrappingBase64() {
    wrapBase64 = true;
    return this;
  }

  /** Starts the next {@code HOSO}. */
  public RawEnvelope dossier() {
    closeDossier();
    dossiers.append("  <HOSO>\n");
    open = true;
    count++;
    return this;
  }

  /** Adds a {@code FILEHOSO} whose content is the base64 of this inner XML in UTF-8. */
  public RawEnvelope table(String type, String innerXml) {
    byte[] bytes = innerXml.getBytes(StandardCharsets.UTF_8);
    String base64 =
        wrapBase64
            ? Base64.getMimeEncoder().encodeToString(bytes)
            : Base64.getEncoder().encodeToString(bytes);
    return content(type, base64);
  }

  /** Adds a {@code FILEHOSO} with exactly this {@code NOIDUNGFILE} text. */
  public RawEnvelope content(String type, String noidungfile) {
    dossiers
        .append("   <FILEHOSO>\n    <LOAIHOSO>")
        .append(type)
        .append("</LOAIHOSO>\n    <NOIDUNGFILE>")
        .append(noidungfile)
        .append("</NOIDUNGFILE>\n   </FILEHOSO>\n");
    return this;
  }

  /** The envelope's XML text. */
  public String xml() {
    closeDossier();
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<GIAMDINHHS xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">\n"
        + " <THONGTINDONVI>\n  <MACSKCB>"
        + facilityCode
        + "</MACSKCB>\n </THONGTINDONVI>\n <THONGTINHOSO>\n  <NGAYLAP>20260115</NGAYLAP>\n"
        + "  <SOLUONGHOSO>"
        + count
        + "</SOLUONGHOSO>\n  <DANHSACHHOSO>\n"
        + dossiers
        + "  </DANHSACHHOSO>\n </THONGTINHOSO>\n <CHUKYDONVI/>\n</GIAMDINHHS>\n";
  }

  public byte[] bytes() {
    return xml().getBytes(StandardCharsets.UTF_8);
  }

  public InputStream stream() {
    return new ByteArrayInputStream(bytes());
  }

  private void closeDossier() {
    if (open) {
      dossiers.append("  </HOSO>\n");
      open = false;
    }
  }
}
