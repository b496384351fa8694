package vn.bhyt.claims.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.intake.ClaimParseException.Reason;
import vn.bhyt.problem.ProblemException;
import vn.bhyt.problem.ProblemType;

/** Envelopes the reader refuses, each with its stable reason and never with patient data. */
class BadEnvelopeTest {
  private static final String NAME = "Trần Thị Bích";
  private static final String CARD = "DN4790123456789";
  private static final String XML1 =
      "<TONG_HOP><MA_LK>LK1</MA_LK><HO_TEN>"
          + NAME
          + "</HO_TEN><MA_THE_BHYT>"
          + CARD
          + "</MA_THE_BHYT><T_TONGCHI_BV>10</T_TONGCHI_BV></TONG_HOP>";
  private static final String XML3 =
      "<CHITIEU_CHITIET_DVKT_VTYT><DSACH_CHI_TIET_DVKT><CHI_TIET_DVKT><MA_LK>LK1</MA_LK>"
          + "<STT>1</STT><MA_BENH>J06.9</MA_BENH></CHI_TIET_DVKT></DSACH_CHI_TIET_DVKT>"
          + "</CHITIEU_CHITIET_DVKT_VTYT>";
  private static final String BOMB_DTD =
      "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
          + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
          + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
          + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
          + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
          + "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
          + "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
          + "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
          + "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
          + "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>";
  private static final String XXE_DTD =
      "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";

  private final List<ClaimDossier> handedOn = new ArrayList<>();

  private ClaimParseException failure(InputStream in) {
    return failure(new ClaimEnvelopeReader(), in);
  }

  private ClaimParseException failure(ClaimEnvelopeReader reader, InputStream in) {
    ClaimParseException e =
        catchThrowableOfType(() -> reader.read(in, handedOn::add), ClaimParseException.class);
    assertThat(e).as("a ClaimParseException").isNotNull();
    assertThat(e.getMessage()).doesNotContain(NAME, CARD, "J06.9", "passwd");
    return e;
  }

  private static RawEnvelope good() {
    return RawEnvelope.from("79034").dossier().table("XML1", XML1).table("XML3", XML3);
  }

  private static InputStream bytes(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anEmptyBody() {
    ClaimParseException e = failure(InputStream.nullInputStream());

    assertThat(e.reason()).isEqualTo(Reason.EMPTY);
    assertThat(e.dossier()).isZero();
    assertThat(e.toProblem().type()).isEqualTo(ProblemType.CLAIM_NOT_XML);
  }

  @Test
  void bytesThatAreNotXml() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, (byte) 0xFF};

    assertThat(failure(new ByteArrayInputStream(png)).reason()).isEqualTo(Reason.NOT_XML);
    assertThat(failure(bytes("{\"claims\": []}")).reason()).isEqualTo(Reason.NOT_XML);
    assertThat(failure(bytes("<GIAMDINHHS><b>x</c></GIAMDINHHS>")).reason())
        .isEqualTo(Reason.NOT_XML);
  }

  @Test
  void xmlThatIsNotAClaimEnvelope() {
    ClaimParseException e = failure(bytes("<Bundle xmlns=\"http://hl7.org/fhir\"><id/></Bundle>"));

    assertThat(e.reason()).isEqualTo(Reason.NOT_ENVELOPE);
    assertThat(e.toProblem().type().status()).isEqualTo(422);
  }

  @Test
  void truncatedXmlAfterTheFirstDossier() {
    String xml = good().dossier().table("XML1", XML1).xml();
    String cut = xml.substring(0, xml.lastIndexOf("<FILEHOSO>") + 30);

    ClaimParseException e = failure(bytes(cut));

    assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
    assertThat(e.dossier()).isEqualTo(2);
    assertThat(handedOn).hasSize(1);
    assertThat(e.toProblem().type()).isEqualTo(ProblemType.CLAIM_TRUNCATED);
  }

  @Test
  void truncatedRightAfterTheRootTag() {
    assertThat(failure(bytes("<?xml version=\"1.0\"?>\n<GIAMDINHHS>")).reason())
        .isEqualTo(Reason.TRUNCATED);
  }

  @Test
  void wrongBase64NamesTheDossierAndTheTable() {
    RawEnvelope e = good().dossier().table("XML1", XML1).content("XML3", "PENISV9USUVUX0RWS1Q+*!");

    ClaimParseException x = failure(e.stream());

    assertThat(x.reason()).isEqualTo(Reason.BAD_BASE64);
    assertThat(x.dossier()).isEqualTo(2);
    assertThat(x.table()).contains("XML3");
    assertThat(x.getMessage()).contains("dossier 2").contains("XML3");
    assertThat(handedOn).hasSize(1);
    ProblemException p = x.toProblem();
    assertThat(p.type()).isEqualTo(ProblemType.CLAIM_BAD_BASE64);
    assertThat(p.extensions())
        .containsEntry("reason", "BAD_BASE64")
        .containsEntry("dossier", 2)
        .containsEntry("table", "XML3");
  }

  @Test
  void base64WithLettersOutsideItsAlphabet() {
    String valid = Base64.getEncoder().encodeToString(XML3.getBytes(StandardCharsets.UTF_8));

    for (String bad : List.of(valid.replace('A', 'é'), "é" + valid, valid.replace('A', '-'))) {
      RawEnvelope e = RawEnvelope.from("79034").dossier().table("XML1", XML1).content("XML3", bad);
      assertThat(failure(e.stream()).reason()).isEqualTo(Reason.BAD_BASE64);
    }
  }

  @Test
  void aPassedOnTableIsDecodedAndWhatIsNotXmlIsRefused() {
    ClaimParseException e = failure(good().content("XML8", "not base64 at all").stream());

    assertThat(e.reason()).isEqualTo(Reason.TABLE_MALFORMED);
    assertThat(e.table()).contains("XML8");
  }

  @Test
  void aDossierWithoutXml1() {
    ClaimParseException e =
        failure(RawEnvelope.from("79034").dossier().table("XML3", XML3).stream());

    assertThat(e.reason()).isEqualTo(Reason.NO_SUMMARY);
    assertThat(e.dossier()).isEqualTo(1);
    assertThat(handedOn).isEmpty();
  }

  @Test
  void anXml1WithoutMaLk() {
    String noKey = XML1.replace("<MA_LK>LK1</MA_LK>", "<MA_LK> </MA_LK>");

    ClaimParseException e =
        failure(RawEnvelope.from("79034").dossier().table("XML1", noKey).stream());

    assertThat(e.reason()).isEqualTo(Reason.NO_MA_LK);
    assertThat(e.table()).contains("XML1");
  }

  @Test
  void anEnvelopeWithoutFacilityCode() {
    String xml = good().xml().replace("<MACSKCB>79034</MACSKCB>", "");

    assertThat(failure(bytes(xml)).reason()).isEqualTo(Reason.NO_FACILITY);
  }

  @Test
  void aFileWithoutItsType() {
    String xml = good().xml().replace("<LOAIHOSO>XML3</LOAIHOSO>", "");

    assertThat(failure(bytes(xml)).reason()).isEqualTo(Reason.NO_TABLE_TYPE);
  }

  @Test
  void theSameParsedTableTwice() {
    ClaimParseException e = failure(good().table("XML3", XML3).stream());

    assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_TABLE);
  }

  @Test
  void innerXmlThatIsMalformed() {
    String broken = XML3.substring(0, XML3.length() - 20);

    ClaimParseException e =
        failure(
            RawEnvelope.from("79034").dossier().table("XML1", XML1).table("XML3", broken).stream());

    assertThat(e.reason()).isEqualTo(Reason.TABLE_MALFORMED);
    assertThat(e.table()).contains("XML3");
  }

  @Test
  void innerXmlThatIsNotUtf8() {
    byte[] latin1 = XML1.getBytes(StandardCharsets.ISO_8859_1);
    RawEnvelope e =
        RawEnvelope.from("79034")
            .dossier()
            .content("XML1", Base64.getEncoder().encodeToString(latin1));

    assertThat(failure(e.stream()).reason()).isEqualTo(Reason.TABLE_MALFORMED);
  }

  @Test
  void aBillionLaughsInTheEnvelope() {
    String xml = good().xml().replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", BOMB_DTD);
    String withRef = xml.replace("<NGAYLAP>20260115</NGAYLAP>", "<NGAYLAP>&lol9;</NGAYLAP>");

    ClaimParseException e = failure(bytes(withRef));

    assertThat(e.reason()).isEqualTo(Reason.DOCTYPE);
    assertThat(e.toProblem().type()).isEqualTo(ProblemType.CLAIM_DOCTYPE);
  }

  @Test
  void aBillionLaughsInAnInnerTable() {
    String bomb = BOMB_DTD + XML3.replace("<STT>1</STT>", "<STT>&lol9;</STT>");

    ClaimParseException e =
        failure(good().dossier().table("XML1", XML1).table("XML3", bomb).stream());

    assertThat(e.reason()).isEqualTo(Reason.DOCTYPE);
    assertThat(e.dossier()).isEqualTo(2);
    assertThat(e.table()).contains("XML3");
  }

  @Test
  void anExternalEntityInTheEnvelope() {
    String xml =
        good()
            .xml()
            .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", XXE_DTD)
            .replace("<NGAYLAP>20260115</NGAYLAP>", "<NGAYLAP>&xxe;</NGAYLAP>");

    assertThat(failure(bytes(xml)).reason()).isEqualTo(Reason.DOCTYPE);
  }

  @Test
  void anExternalEntityInAnInnerTable() {
    String xxe = XXE_DTD + XML1.replace("<MA_LK>LK1</MA_LK>", "<MA_LK>&xxe;</MA_LK>");

    ClaimParseException e =
        failure(RawEnvelope.from("79034").dossier().table("XML1", xxe).stream());

    assertThat(e.reason()).isEqualTo(Reason.DOCTYPE);
    assertThat(e.table()).contains("XML1");
  }

  @Test
  void aDoctypeInTheEnvelopeIsRefused() {
    String xml =
        good()
            .xml()
            .replace(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\"?><!DOCTYPE GIAMDINHHS>");

    ClaimParseException e = failure(bytes(xml));

    assertThat(e.reason()).isEqualTo(Reason.DOCTYPE);
    assertThat(e.dossier()).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "XML1",
        "XML2",
        "XML3",
        "XML4",
        "XML5",
        "XML6",
        "XML7",
        "XML8",
        "XML9",
        "XML10",
        "XML11",
        "XML12",
        "XML13",
        "XML14",
        "XML15",
        "XML16",
        "GIAYCHUYENTUYEN"
      })
  void aDoctypeInTablesPassedOnUnparsedWasAcceptedAndIsRefusedInEveryTableKind(String type) {
    String inner =
        "<?xml version=\"1.0\"?><!DOCTYPE R [<!ENTITY e \"e\">]><R><MA_LK>&e;</MA_LK></R>";
    RawEnvelope envelope = RawEnvelope.from("79034").dossier();
    if (!type.equals("XML1")) {
      envelope.table("XML1", XML1);
    }
    envelope.table(type, inner);

    ClaimParseException e = failure(envelope.stream());

    assertThat(e.reason()).isEqualTo(Reason.DOCTYPE);
    assertThat(e.dossier()).isEqualTo(1);
    assertThat(e.table()).contains(type);
    assertThat(e.toProblem().type()).isEqualTo(ProblemType.CLAIM_DOCTYPE);
    assertThat(handedOn).isEmpty();
  }

  @Test
  void aDoctypeInATablePassedOnAfterACommentIsRefused() {
    String inner = "<!-- giấy ra viện --><!DOCTYPE R SYSTEM \"file:///etc/passwd\"><R/>";

    ClaimParseException e =
        failure(
            RawEnvelope.from("79034").dossier().table("XML1", XML1).table("XML7", inner).stream());

    assertThat(e.reason()).isEqualTo(Reason.DOCTYPE);
    assertThat(e.table()).contains("XML7");
  }

  @Test
  void aTablePassedOnThatIsNotBase64IsRefused() {
    ClaimParseException e =
        failure(
            RawEnvelope.from("79034")
                .dossier()
                .table("XML1", XML1)
                .content("XML9", "not base64!")
                .stream());

    assertThat(e.reason()).isEqualTo(Reason.BAD_BASE64);
    assertThat(e.table()).contains("XML9");
  }

  @Test
  void aTablePassedOnThatDoesNotBeginAsUtf8XmlIsRefused() {
    byte[] utf16 =
        "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE R><R/>"
            .getBytes(StandardCharsets.UTF_16);
    ClaimParseException e =
        failure(
            RawEnvelope.from("79034")
                .dossier()
                .table("XML1", XML1)
                .content("XML8", Base64.getEncoder().encodeToString(utf16))
                .stream());

    assertThat(e.reason()).isEqualTo(Reason.TABLE_MALFORMED);
    assertThat(e.table()).contains("XML8");
  }

  @Test
  void aTablePassedOnOfWhiteSpaceOutsideAsciiIsNotBase64() {
    ClaimParseException e =
        failure(
            RawEnvelope.from("79034")
                .dossier()
                .table("XML1", XML1)
                .content("XML6", "\u3000\u3000")
                .stream());

    assertThat(e.reason()).isEqualTo(Reason.BAD_BASE64);
  }

  @Test
  void aTablePassedOnThatWasStoredBeforeItWasCheckedIsNotReadAgainWhenTheDossierIsReadBack()
      throws Exception {
    String summary = Base64.getEncoder().encodeToString(XML1.getBytes(StandardCharsets.UTF_8));
    ClaimDossier back =
        new ClaimEnvelopeReader()
            .dossier(
                "79034",
                List.of(
                    new vn.bhyt.claims.claim.VerbatimTable("XML1", summary),
                    new vn.bhyt.claims.claim.VerbatimTable("XML6", "not base64 at all")));

    assertThat(back.maLk()).contains("LK1");
    assertThat(back.verbatim()).hasSize(2);
  }

  @Test
  void anEmptyTablePassedOnIsKept() throws Exception {
    List<ClaimDossier> read = new ArrayList<>();
    new ClaimEnvelopeReader()
        .read(
            RawEnvelope.from("79034")
                .dossier()
                .table("XML1", XML1)
                .content("XML6", "")
                .table("XML14", "<GIAYHEN><MA_LK>LK1</MA_LK></GIAYHEN>")
                .stream(),
            read::add);

    assertThat(read).hasSize(1);
    assertThat(read.get(0).verbatim()).hasSize(3);
  }

  @Test
  void anUndeclaredEntityIsMalformed() {
    String xml = good().xml().replace("<NGAYLAP>20260115</NGAYLAP>", "<NGAYLAP>&xxe;</NGAYLAP>");

    assertThat(failure(bytes(xml)).reason()).isEqualTo(Reason.NOT_XML);
  }

  @Test
  void fiftyMegabytesOfOneTableFailAtTheLimitWithoutReadingThemAll() {
    String xml = good().xml();
    int at = xml.indexOf("<NOIDUNGFILE>") + "<NOIDUNGFILE>".length();
    Counted in = new Counted(xml.substring(0, at), 50 << 20, 'Q', xml.substring(at));

    ClaimParseException e = failure(in);

    assertThat(e.reason()).isEqualTo(Reason.TABLE_TOO_LARGE);
    assertThat(e.dossier()).isEqualTo(1);
    assertThat(e.toProblem().type().status()).isEqualTo(413);
    assertThat(in.read).isLessThan(IntakeLimits.DEFAULTS.maxTableChars() + (1 << 20));
  }

  @Test
  void fiftyMegabytesOfOneEnvelopeFieldFailAtTheTextLimit() {
    String xml = good().xml();
    int at = xml.indexOf("<NGAYLAP>") + "<NGAYLAP>".length();
    Counted in = new Counted(xml.substring(0, at), 50 << 20, '2', xml.substring(at));

    ClaimParseException e = failure(in);

    assertThat(e.reason()).isEqualTo(Reason.TEXT_TOO_LONG);
    assertThat(in.read).isLessThan(IntakeLimits.DEFAULTS.maxTextChars() + (1 << 20));
  }

  @Test
  void fiftyMegabytesOfOneCommentOrAttributeFailAtTheTextLimit() {
    String xml = good().xml();
    int at = xml.indexOf("<THONGTINDONVI>");
    Counted comment = new Counted(xml.substring(0, at) + "<!--", 50 << 20, 'c', "-->");
    Counted attribute =
        new Counted(xml.substring(0, at) + "<X a=\"", 50 << 20, 'a', "\"/>" + xml.substring(at));

    assertThat(failure(comment).reason()).isEqualTo(Reason.TEXT_TOO_LONG);
    assertThat(comment.read).isLessThan(IntakeLimits.DEFAULTS.maxTextChars() + (1 << 20));
    assertThat(failure(attribute).reason()).isEqualTo(Reason.TEXT_TOO_LONG);
  }

  @Test
  void aFieldLongerThanTheTextLimitInAnInnerTable() {
    String longName = XML1.replace(NAME, "x".repeat(2_000));
    ClaimEnvelopeReader reader = new ClaimEnvelopeReader(new IntakeLimits(1 << 20, 100, 1_000));

    ClaimParseException e =
        failure(reader, RawEnvelope.from("79034").dossier().table("XML1", longName).stream());

    assertThat(e.reason()).isEqualTo(Reason.TEXT_TOO_LONG);
    assertThat(e.table()).contains("XML1");
  }

  @Test
  void moreRowsThanTheLimit() {
    String row = "<CHI_TIET_DVKT><MA_LK>LK1</MA_LK></CHI_TIET_DVKT>";
    String many = "<A><B>" + row.repeat(11) + "</B></A>";
    ClaimEnvelopeReader reader = new ClaimEnvelopeReader(new IntakeLimits(1 << 20, 10, 1_000));

    ClaimParseException e =
        failure(reader, good().dossier().table("XML1", XML1).table("XML3", many).stream());

    assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_ROWS);
    assertThat(e.dossier()).isEqualTo(2);
  }

  @Test
  void aFailingStreamIsAnIoExceptionNotAParseFailure() {
    InputStream failing =
        new SequenceInputStream(
            new ByteArrayInputStream(
                "<GIAMDINHHS><THONGTINDONVI>".getBytes(StandardCharsets.UTF_8)),
            new InputStream() {
              @Override
              public int read() throws IOException {
                throw new IOException("connection reset");
              }
            });

    assertThatThrownBy(() -> new ClaimEnvelopeReader().read(failing, handedOn::add))
        .isInstanceOf(IOException.class)
        .hasMessage("connection reset");
  }

  @Test
  void theConsumersOwnExceptionPassesThrough() {
    IllegalStateException mine = new IllegalStateException("rolled back");

    assertThatThrownBy(
            () ->
                new ClaimEnvelopeReader()
                    .read(
                        good().stream(),
                        d -> {
                          throw mine;
                        }))
        .isSameAs(mine);
  }

  /** A prefix, many copies of one byte, a suffix: produced as read, counting what was read. */
  static final class Counted extends InputStream {
    private final byte[] prefix;
    private final byte[] suffix;
    private final long fill;
    private final byte filler;
    long read;

    Counted(String prefix, long fill, char filler, String suffix) {
      this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
      this.suffix = suffix.getBytes(StandardCharsets.UTF_8);
      this.fill = fill;
      this.filler = (byte) filler;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      long total = prefix.length + fill + suffix.length;
      if (read >= total) {
        return -1;
      }
      int n = (int) Math.min(len, total - read);
      for (int i = 0; i < n; i++) {
        long p = read + i;
        b[off + i] =
            p < prefix.length
                ? prefix[(int) p]
                : p < prefix.length + fill ? filler : suffix[(int) (p - prefix.length - fill)];
      }
      read += n;
      return n;
    }
  }

  @Test
  void theCountedStreamProducesWhatItSays() throws IOException {
    byte[] all = new Counted("ab", 3, 'x', "cd").readAllBytes();

    assertThat(new String(all, StandardCharsets.UTF_8)).isEqualTo("abxxxcd");
  }
}
