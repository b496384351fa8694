package vn.bhyt.gateway;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import vn.bhyt.http.Json;

/**
 * Seeded inputs for reception's endpoints, field by field: a card QR with some of its fields
 * replaced by edge values, typed card entries and visits with odd values and wrong JSON types. The
 * same seed gives the same inputs, so a failure names the case that broke.
 */
final class ReceptionFuzz {
  /** Edge values for any field: empty, dashes, years below 1000, impossible dates, noise. */
  static final List<String> EDGES =
      List.of(
          "",
          "-",
          "0",
          "0000",
          "0999",
          "1000",
          "9999",
          "00/00/0000",
          "31/02/2024",
          "29/02/2023",
          "01/01/0001",
          "01/01/0999",
          "31/12/9999",
          "01011990",
          "00000000",
          "1990-01-31",
          "ff",
          "fffe",
          "abc",
          "zz",
          "c3",
          "99999999999999999999",
          "-1",
          "1e9",
          "DN4010123456789",
          "XX0000000000000",
          "0204287018",
          "79034",
          "00000",
          "K1",
          "K9",
          "8",
          "\u0000",
          "\u202e",
          "👍",
          "x".repeat(300),
          "%zz",
          "$");

  private final Random random;
  private final JsonNodeFactory nodes = JsonNodeFactory.instance;

  ReceptionFuzz(long seed) {
    this.random = new Random(seed);
  }

  private String edge() {
    return EDGES.get(random.nextInt(EDGES.size()));
  }

  private String text() {
    if (random.nextInt(3) == 0) {
      return edge();
    }
    byte[] bytes = new byte[random.nextInt(12)];
    random.nextBytes(bytes);
    return random.nextBoolean()
        ? HexFormat.of().formatHex(bytes)
        : new String(bytes, StandardCharsets.ISO_8859_1);
  }

  /** The card's QR text with one to three fields replaced, sometimes with fields added or cut. */
  String qr(String valid) {
    String[] fields = valid.split("\\|", -1);
    int changes = 1 + random.nextInt(3);
    for (int c = 0; c < changes; c++) {
      int i = random.nextInt(fields.length);
      fields[i] =
          random.nextBoolean()
              ? edge()
              : HexFormat.of().formatHex(text().getBytes(StandardCharsets.UTF_8));
    }
    String joined = String.join("|", fields);
    return switch (random.nextInt(10)) {
      case 0 -> joined + "|" + edge();
      case 1 -> joined.substring(0, random.nextInt(joined.length() + 1));
      default -> joined;
    };
  }

  /** A typed card entry: numbers, names and birth dates, of any JSON type. */
  ObjectNode typed() {
    ObjectNode o = nodes.objectNode();
    put(o, "cardNumber", random.nextInt(4) == 0 ? "DN4797912345678" : edge());
    if (random.nextBoolean()) {
      put(o, "name", text());
    }
    if (random.nextBoolean()) {
      put(o, "birthDate", edge());
    }
    maybeVisit(o);
    return o;
  }

  /** A check-in: a card entry or scan with the visit's fields, of odd values and types. */
  ObjectNode checkIn(String qr) {
    ObjectNode o = random.nextBoolean() ? typed() : scanned(qr(qr));
    for (String field :
        List.of(
            "department",
            "start",
            "hisPatientId",
            "hisVisitKey",
            "referralNumber",
            "emergency",
            "selfPay",
            "selfPayReason")) {
      if (random.nextInt(3) == 0) {
        put(
            o,
            field,
            field.equals("start") && random.nextBoolean() ? "2026-12-07T08:00:00+07:00" : edge());
      }
    }
    return o;
  }

  /** A scanned card in JSON, with a visit of odd values and types. */
  ObjectNode scanned(String qr) {
    ObjectNode o = nodes.objectNode();
    o.put("qr", qr);
    maybeVisit(o);
    return o;
  }

  /** Query parameters for a scan: the visit's, with odd values, sometimes misspelt or doubled. */
  String visitQuery() {
    StringBuilder q = new StringBuilder("?");
    for (String name : List.of("visitDate", "visitKind", "referral")) {
      if (random.nextBoolean()) {
        q.append(random.nextInt(8) == 0 ? name.toLowerCase() : name)
            .append('=')
            .append(java.net.URLEncoder.encode(edge(), StandardCharsets.UTF_8))
            .append('&');
      }
    }
    return q.length() == 1 ? "" : q.substring(0, q.length() - 1);
  }

  private void maybeVisit(ObjectNode o) {
    if (random.nextBoolean()) {
      return;
    }
    ObjectNode v = o.putObject("visit");
    put(v, "date", random.nextBoolean() ? "2026-12-07" : edge());
    put(
        v,
        "kind",
        List.of("outpatient", "inpatient", "emergency", "walk-in", "").get(random.nextInt(5)));
    put(v, "referral", random.nextBoolean() ? "true" : edge());
  }

  /** Puts a value as a string, or now and then as another JSON type. */
  private void put(ObjectNode o, String field, String value) {
    switch (random.nextInt(12)) {
      case 0 -> o.put(field, 1990);
      case 1 -> o.putNull(field);
      case 2 -> o.putArray(field).add(value);
      case 3 -> o.putObject(field).put("value", value);
      case 4 -> o.put(field, value.equals("true"));
      default -> o.put(field, value);
    }
  }

  static byte[] json(ObjectNode node) {
    return Json.write(node);
  }
}
