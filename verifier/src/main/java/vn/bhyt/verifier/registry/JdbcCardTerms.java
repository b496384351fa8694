package vn.bhyt.verifier.registry;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.persistence.DatabaseException;
import vn.bhyt.verifier.rules.CardStatus;

/**
 * Card terms read from {@code registry_card} with blocking JDBC calls, uncached: the rows by their
 * primary key, one statement per {@value #BATCH} numbers.
 */
public final class JdbcCardTerms implements CardTerms {
  /** The statement of one card, for plan checks; a batch repeats its placeholder. */
  static final String BY_NUMBER =
      "SELECT card_number, valid_from, valid_to, benefit_level, status FROM registry_card"
          + " WHERE card_number IN (?)";

  /** The most numbers read by one statement. */
  static final int BATCH = 500;

  private final DataSource ds;

  public JdbcCardTerms(DataSource ds) {
    this.ds = ds;
  }

  @Override
  public Map<CardNumber, CardTerm> of(Collection<CardNumber> numbers) {
    List<String> keys =
        new ArrayList<>(new LinkedHashSet<>(numbers.stream().map(CardNumber::value).toList()));
    Map<CardNumber, CardTerm> out = new HashMap<>();
    try (Connection c = ds.getConnection()) {
      for (int from = 0; from < keys.size(); from += BATCH) {
        List<String> part = keys.subList(from, Math.min(keys.size(), from + BATCH));
        String sql = BY_NUMBER.replace("(?)", "(?" + ",?".repeat(part.size() - 1) + ")");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          for (int i = 0; i < part.size(); i++) {
            ps.setString(i + 1, part.get(i));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.put(CardNumber.of(rs.getString(1)), term(rs));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new DatabaseException("card term lookup failed", e);
    }
    return out;
  }

  private static CardTerm term(ResultSet rs) throws SQLException {
    int level = rs.getInt(4);
    Integer benefitLevel = rs.wasNull() ? null : level;
    String status = rs.getString(5);
    return new CardTerm(
        date(rs.getDate(2)),
        date(rs.getDate(3)),
        benefitLevel,
        status == null ? null : CardStatus.parse(status));
  }

  private static @Nullable LocalDate date(@Nullable Date date) {
    return date == null ? null : date.toLocalDate();
  }
}
