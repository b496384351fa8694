package vn.bhyt.claims.intake;

import java.io.IOException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.intake.ClaimParseException.Reason;

/**
 * One pass over an envelope: {@code GIAMDINHHS} → {@code THONGTINDONVI/MACSKCB}, {@code
 * THONGTINHOSO} → {@code NGAYLAP}, {@code SOLUONGHOSO}, {@code DANHSACHHOSO/HOSO*} → {@code
 * FILEHOSO*} → {@code LOAIHOSO}, {@code NOIDUNGFILE}. Other elements, such as the signature {@code
 * CHUKYDONVI}, are passed over.
 */
final class EnvelopeScan {
  static final String ROOT = "GIAMDINHHS";

  private final XmlEvents xml;
  private final IntakeLimits limits;
  private final Consumer<ClaimDossier> each;
  private @Nullable String facilityCode;
  private String createdOn = "";
  private int declaredCount = -1;
  private int dossiers;

  EnvelopeScan(XmlEvents xml, IntakeLimits limits, Consumer<ClaimDossier> each) {
    this.xml = xml;
    this.limits = limits;
    this.each = each;
  }

  EnvelopeHeader read() throws ClaimParseException, IOException {
    if (!xml.root().equals(ROOT)) {
      throw Place.ENVELOPE.error(Reason.NOT_ENVELOPE, "the root element is not " + ROOT);
    }
    while (xml.nextChild()) {
      switch (xml.name()) {
        case "THONGTINDONVI" -> unit();
        case "THONGTINHOSO" -> dossierList();
        default -> xml.skip();
      }
    }
    xml.finish();
    return new EnvelopeHeader(facility(), createdOn, declaredCount);
  }

  private void unit() throws ClaimParseException, IOException {
    while (xml.nextChild()) {
      if (xml.name().equals("MACSKCB")) {
        facilityCode = text("MACSKCB");
      } else {
        xml.skip();
      }
    }
  }

  private void dossierList() throws ClaimParseException, IOException {
    while (xml.nextChild()) {
      switch (xml.name()) {
        case "NGAYLAP" -> createdOn = text("NGAYLAP");
        case "SOLUONGHOSO" -> declaredCount = count(text("SOLUONGHOSO"));
        case "DANHSACHHOSO" -> dossiers();
        default -> xml.skip();
      }
    }
  }

  private void dossiers() throws ClaimParseException, IOException {
    while (xml.nextChild()) {
      if (xml.name().equals("HOSO")) {
        dossier();
      } else {
        xml.skip();
      }
    }
  }

  private void dossier() throws ClaimParseException, IOException {
    String facility = facility();
    DossierAssembler dossier = new DossierAssembler(++dossiers, facility, limits, true);
    Place place = Place.dossier(dossiers);
    xml.at(place);
    while (xml.nextChild()) {
      if (xml.name().equals("FILEHOSO")) {
        file(dossier, place);
        xml.at(place);
      } else {
        xml.skip();
      }
    }
    ClaimDossier finished = dossier.finish();
    xml.at(Place.ENVELOPE);
    each.accept(finished);
  }

  private void file(DossierAssembler dossier, Place place) throws ClaimParseException, IOException {
    String type = null;
    String content = "";
    while (xml.nextChild()) {
      switch (xml.name()) {
        case "LOAIHOSO" -> {
          type = text("LOAIHOSO");
          xml.at(place.table(type));
        }
        case "NOIDUNGFILE" ->
            content =
                xml.text(limits.maxTableChars(), Reason.TABLE_TOO_LARGE, "the table's NOIDUNGFILE");
        default -> xml.skip();
      }
    }
    dossier.add(type, content);
  }

  /** The facility ({@code MACSKCB}) read so far; fails when there is none or it is empty. */
  private String facility() throws ClaimParseException {
    String code = facilityCode;
    if (code == null || code.isEmpty()) {
      throw noFacility();
    }
    return code;
  }

  private String text(String field) throws ClaimParseException, IOException {
    return xml.text(limits.maxTextChars(), Reason.TEXT_TOO_LONG, field);
  }

  private static int count(String text) {
    try {
      int n = Integer.parseInt(text);
      return n < 0 ? -1 : n;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static ClaimParseException noFacility() {
    return Place.ENVELOPE.error(
        Reason.NO_FACILITY,
        "the envelope names no facility (THONGTINDONVI/MACSKCB) before its dossiers");
  }
}
