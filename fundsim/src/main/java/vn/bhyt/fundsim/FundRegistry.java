package vn.bhyt.fundsim;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.bhyt.csv.CsvException;
import vn.bhyt.csv.CsvReader;
import vn.bhyt.csv.CsvRecord;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.domain.Sex;

/**
 * The cards the simulated fund knows, read from a file in the gateway's registry import format.
 *
 * <p>Besides the import columns it reads optional columns the gateway's importer ignores: {@code
 * fund_code} (a result code answered whatever is asked: 100, 101, 500), {@code reduced_code}
 * (120-124 for a reduced card), {@code managed_by} ({@code defence} or {@code police}; cards of
 * groups QN and CA default to them), {@code office} (the managing office, {@code cqBHXH}), {@code
 * history} (earlier visits, {@code ;}-separated, each {@code
 * record|facility|yyyy-MM-dd|yyyy-MM-dd|diagnosis|state|outcome}) and {@code clerk_at} (facilities,
 * {@code ;}-separated, that registered the row's citizen ID as a checking clerk). Messages name the
 * line and column, never the value.
 */
final class FundRegistry {
  private final Map<String, FundCard> byNumber = new HashMap<>();
  private final Map<String, List<FundCard>> bySsn = new HashMap<>();
  private final Map<String, FundCard> clerks = new HashMap<>();
  private final Map<String, FundCard> byReplaced = new HashMap<>();

  private FundRegistry(List<FundCard> cards) {
    for (FundCard c : cards) {
      byNumber.put(c.number(), c);
      bySsn.computeIfAbsent(c.ssn(), k -> new ArrayList<>()).add(c);
      if (c.replacedBy() != null) {
        byReplaced.putIfAbsent(c.replacedBy(), c);
      }
      if (c.citizenId() != null && !c.clerkAt().isEmpty()) {
        clerks.put(c.citizenId(), c);
      }
    }
  }

  /**
   * Reads a registry file.
   *
   * @throws CsvException for the first bad row, naming its line and column
   */
  static FundRegistry read(Reader in) throws IOException {
    List<FundCard> cards = new ArrayList<>();
    try (CsvReader csv = CsvReader.open(in)) {
      for (CsvRecord r = csv.next(); r != null; r = csv.next()) {
        cards.add(card(r));
      }
    }
    return new FundRegistry(cards);
  }

  int size() {
    return byNumber.size();
  }

  Optional<FundCard> card(String number) {
    return Optional.ofNullable(byNumber.get(number));
  }

  List<FundCard> bySsn(String ssn) {
    return bySsn.getOrDefault(ssn, List.of());
  }

  /** The card that names this one as the card it replaced, if any. */
  Optional<FundCard> replacedCard(String number) {
    return Optional.ofNullable(byReplaced.get(number));
  }

  Optional<FundCard> clerk(String citizenId) {
    return Optional.ofNullable(clerks.get(citizenId));
  }

  private static FundCard card(CsvRecord r) {
    CardNumber number = CardNumber.of(r.require("card_number"));
    if (number.model() == CardNumber.Model.UNKNOWN) {
      throw new CsvException(r.line(), "card_number: expected 15 characters or 10 digits");
    }
    String ssn = r.get("ssn");
    if (ssn == null) {
      ssn = number.ssn();
    }
    if (ssn == null) {
      throw new CsvException(r.line(), "ssn: expected 10 digits");
    }
    String group = r.get("group_code");
    if (group == null) {
      group = number.group();
    }
    String status = r.get("status");
    String reduced = r.get("reduced_code");
    if (reduced != null && !reduced.matches("12[0-4]")) {
      throw new CsvException(r.line(), "reduced_code: expected 120 to 124");
    }
    return new FundCard(
        number.value(),
        ssn,
        r.get("citizen_id"),
        r.get("name"),
        r.parse("birth_date", PartialDate::parse, "yyyy-MM-dd or yyyy"),
        r.parse("sex", Sex::parse, "male or female"),
        r.get("address"),
        r.get("registered_facility"),
        r.parse("valid_from", LocalDate::parse, "yyyy-MM-dd"),
        r.parse("valid_to", LocalDate::parse, "yyyy-MM-dd"),
        status == null ? "active" : status,
        r.get("replaced_by"),
        r.parse("five_years_from", LocalDate::parse, "yyyy-MM-dd"),
        r.get("living_area"),
        r.parse("benefit_level", Integer::valueOf, "a digit"),
        group,
        r.get("fund_code"),
        reduced == null ? "120" : reduced,
        managedBy(r.get("managed_by"), group),
        r.get("office"),
        history(r),
        list(r.get("clerk_at")));
  }

  private static @Nullable String managedBy(@Nullable String column, @Nullable String group) {
    if (column != null) {
      return column;
    }
    if ("QN".equals(group)) {
      return "defence";
    }
    return "CA".equals(group) ? "police" : null;
  }

  private static List<FundCard.PastVisit> history(CsvRecord r) {
    String column = r.get("history");
    List<FundCard.PastVisit> visits = new ArrayList<>();
    if (column == null) {
      return visits;
    }
    for (String entry : column.split(";", -1)) {
      if (entry.isBlank()) {
        continue;
      }
      String[] f = entry.strip().split("\\|", -1);
      if (f.length != 7) {
        throw new CsvException(r.line(), "history: expected 7 |-separated fields per visit");
      }
      try {
        visits.add(
            new FundCard.PastVisit(
                f[0], f[1], LocalDate.parse(f[2]), LocalDate.parse(f[3]), f[4], f[5], f[6]));
      } catch (DateTimeParseException e) {
        throw new CsvException(r.line(), "history: expected dates as yyyy-MM-dd");
      }
    }
    return visits;
  }

  private static Set<String> list(@Nullable String column) {
    if (column == null) {
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    Arrays.stream(column.split(";", -1))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .forEach(out::add);
    return out;
  }
}
