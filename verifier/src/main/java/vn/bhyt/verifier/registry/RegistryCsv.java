package vn.bhyt.verifier.registry;

import java.time.LocalDate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.bhyt.csv.CsvException;
import vn.bhyt.csv.CsvRecord;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.LivingArea;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.domain.Sex;
import vn.bhyt.verifier.rules.CardStatus;
import vn.bhyt.verifier.rules.RegistryEntry;

/**
 * One row of a registry import file, checked and turned into an entry.
 *
 * <p>Messages name the column and what was expected, never the value: import reports may be logged.
 */
final class RegistryCsv {
  private static final Pattern SSN = Pattern.compile("[0-9]{10}");
  private static final Pattern CITIZEN = Pattern.compile("[0-9]{12}");
  private static final Pattern GROUP = Pattern.compile("[A-Z]{2}");

  private RegistryCsv() {}

  /**
   * Reads a row.
   *
   * @throws CsvException naming the first bad column
   */
  static RegistryEntry entry(CsvRecord r) {
    CardNumber number = CardNumber.of(r.require("card_number"));
    if (number.model() == CardNumber.Model.UNKNOWN) {
      throw bad(r, "card_number", "15 characters or 10 digits");
    }
    String ssn = matching(r, "ssn", SSN, "10 digits");
    if (ssn == null) {
      ssn = number.ssn();
    }
    return new RegistryEntry(
        number,
        ssn,
        matching(r, "citizen_id", CITIZEN, "12 digits"),
        text(r, "name", 200),
        r.parse("birth_date", PartialDate::parse, "yyyy-MM-dd or yyyy"),
        r.parse("sex", Sex::parse, "male or female"),
        text(r, "address", 500),
        r.parse("registered_facility", FacilityCode::parse, "5 characters"),
        r.parse("valid_from", LocalDate::parse, "yyyy-MM-dd"),
        r.parse("valid_to", LocalDate::parse, "yyyy-MM-dd"),
        r.parse("issued_on", LocalDate::parse, "yyyy-MM-dd"),
        r.parse("status", CardStatus::parse, "active, revoked, reduced or expired"),
        r.parse("replaced_by", RegistryCsv::replacement, "15 characters or 10 digits"),
        r.parse("five_years_from", LocalDate::parse, "yyyy-MM-dd"),
        r.parse("living_area", LivingArea::parse, "K1, K2 or K3"),
        r.parse("benefit_level", RegistryCsv::level, "a digit 1 to 7"),
        matching(r, "group_code", GROUP, "2 capital letters"),
        null);
  }

  private static String replacement(String v) {
    CardNumber n = CardNumber.of(v);
    if (n.model() == CardNumber.Model.UNKNOWN) {
      throw new IllegalArgumentException("not a card number");
    }
    return n.value();
  }

  private static Integer level(String v) {
    int level = Integer.parseInt(v);
    if (level < 1 || level > 7) {
      throw new IllegalArgumentException("level out of range");
    }
    return level;
  }

  private static @Nullable String text(CsvRecord r, String column, int max) {
    String v = r.get(column);
    if (v != null && v.length() > max) {
      throw bad(r, column, "at most " + max + " characters");
    }
    return v;
  }

  private static @Nullable String matching(
      CsvRecord r, String column, Pattern form, String expected) {
    String v = r.get(column);
    if (v != null && !form.matcher(v).matches()) {
      throw bad(r, column, expected);
    }
    return v;
  }

  private static CsvException bad(CsvRecord r, String column, String expected) {
    return new CsvException(r.line(), column + " is not valid (expected: " + expected + ")");
  }
}
