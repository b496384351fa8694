package vn.bhyt.claims.forwarding;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The file the fund takes for one claim version: a {@code GIAMDINHHS} envelope (reference section
 * 5) of exactly one {@code HOSO}, whose tables are the version's as received, in their order, each
 * its base64 text unchanged, so that what the hospital wrote is what the fund reads. Made once per
 * version and kept: every attempt sends these bytes.
 */
public final class EnvelopeFile {
  /** The most the fund takes in one call, decoded (reference section 7). */
  public static final int MAX_BYTES = 10 * 1024 * 1024;

  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  private EnvelopeFile() {}

  /** A table of the version: its name ({@code XML1} … {@code XML15}) and its base64 content. */
  public record Table(String name, String base64) {}

  /**
   * The envelope's bytes, UTF-8.
   *
   * @param facility the facility's code ({@code MACSKCB})
   * @param madeOn the day the file is made ({@code NGAYLAP}), in the facility's time zone
   */
  public static byte[] of(String facility, LocalDate madeOn, List<Table> tables) {
    StringBuilder xml =
        new StringBuilder(64 + tables.stream().mapToInt(t -> t.base64().length() + 80).sum());
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<GIAMDINHHS>\n")
        .append(" <THONGTINDONVI><MACSKCB>")
        .append(escape(facility))
        .append("</MACSKCB></THONGTINDONVI>\n")
        .append(" <THONGTINHOSO><NGAYLAP>")
        .append(DAY.format(madeOn))
        .append("</NGAYLAP><SOLUONGHOSO>1</SOLUONGHOSO>\n")
        .append("  <DANHSACHHOSO><HOSO>\n");
    for (Table t : tables) {
      xml.append("   <FILEHOSO><LOAIHOSO>")
          .append(escape(t.name()))
          .append("</LOAIHOSO><NOIDUNGFILE>")
          .append(t.base64())
          .append("</NOIDUNGFILE></FILEHOSO>\n");
    }
    xml.append("  </HOSO></DANHSACHHOSO></THONGTINHOSO>\n <CHUKYDONVI/>\n</GIAMDINHHS>\n");
    return xml.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
