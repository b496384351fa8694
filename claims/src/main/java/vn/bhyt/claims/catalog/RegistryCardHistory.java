package vn.bhyt.claims.catalog;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import vn.bhyt.claims.assessment.CardHistory;
import vn.bhyt.claims.assessment.CardPeriod;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.verifier.rules.CardStatus;

/**
 * The card registry ({@code registry_card}) as a card history, read with blocking JDBC calls,
 * uncached: one primary-key read per card, or one read of many cards by their keys. A card's period
 * is its row's {@code valid_from} to {@code valid_to} with its {@code benefit_level}; an empty
 * start is open, an empty end has no end (new-model cards). A row without either date gives no
 * period (the claim's dates decide). A {@code revoked} card was never valid: its one period is
 * {@link #NEVER}. A replaced card and its replacement are separate rows: each number answers with
 * its own period.
 */
public final class RegistryCardHistory implements CardHistory {
  /** The period of a revoked card: it covers no day a claim can have. */
  public static final CardPeriod NEVER = new CardPeriod(LocalDate.MIN, LocalDate.MIN, null);

  static final String BY_NUMBER =
      "SELECT valid_from, valid_to, benefit_level, status FROM registry_card WHERE card_number = ?";

  static final String BY_NUMBERS =
      "SELECT valid_from, valid_to, benefit_level, status, card_number FROM registry_card"
          + " WHERE card_number IN ";

  /** The most numbers read by one statement. */
  static final int BATCH = 500;

  private final DataSource ds;

  public RegistryCardHistory(DataSource ds) {
    this.ds = ds;
  }

  /**
   * {@inheritDoc}
   *
   * @throws LookupException when the database does not answer
   */
  @Override
  public List<CardPeriod> periods(String cardNumber) {
    if (cardNumber == null || cardNumber.isBlank()) {
      return List.of();
    }
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(BY_NUMBER)) {
      ps.setString(1, CardNumber.of(cardNumber).value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? period(rs) : List.of();
      }
    } catch (SQLException e) {
      throw new LookupException("card history lookup failed", e);
    }
  }

  /**
   * {@inheritDoc} Numbers are read by their keys in one statement per {@value #BATCH} numbers.
   *
   * @throws LookupException when the database does not answer
   */
  @Override
  public Map<String, List<CardPeriod>> periodsOf(Collection<String> cardNumbers) {
    Map<String, List<CardPeriod>> out = new HashMap<>();
    Map<String, List<String>> asGiven = new LinkedHashMap<>();
    for (String number : cardNumbers) {
      if (number == null || number.isBlank()) {
        out.put(number, List.of());
      } else {
        asGiven.computeIfAbsent(CardNumber.of(number).value(), k -> new ArrayList<>()).add(number);
      }
    }
    List<String> keys = new ArrayList<>(asGiven.keySet());
    try (Connection c = ds.getConnection()) {
      for (int from = 0; from < keys.size(); from += BATCH) {
        List<String> part = keys.subList(from, Math.min(keys.size(), from + BATCH));
        try (PreparedStatement ps =
            c.prepareStatement(BY_NUMBERS + "(?" + ",?".repeat(part.size() - 1) + ")")) {
          for (int i = 0; i < part.size(); i++) {
            ps.setString(i + 1, part.get(i));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              List<String> given = asGiven.remove(rs.getString(5));
              if (given == null) {
                given = asGiven.remove(rs.getString(5).toUpperCase(Locale.ROOT));
              }
              List<CardPeriod> periods = period(rs);
              for (String number : given == null ? List.<String>of() : given) {
                out.put(number, periods);
              }
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new LookupException("card history lookup failed", e);
    }
    asGiven.values().forEach(unknown -> unknown.forEach(n -> out.put(n, List.of())));
    return out;
  }

  private static List<CardPeriod> period(ResultSet rs) throws SQLException {
    String status = rs.getString(4);
    if (status != null && CardStatus.parse(status) == CardStatus.REVOKED) {
      return List.of(NEVER);
    }
    Date from = rs.getDate(1);
    Date to = rs.getDate(2);
    int level = rs.getInt(3);
    Integer benefitLevel = rs.wasNull() ? null : level;
    if (from == null && to == null) {
      return List.of();
    }
    return List.of(
        new CardPeriod(
            from == null ? LocalDate.MIN : from.toLocalDate(),
            to == null ? null : to.toLocalDate(),
            benefitLevel));
  }
}
