package vn.bhyt.claims.catalog;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import vn.bhyt.claims.assessment.PriceCatalogue;
import vn.bhyt.persistence.DatabaseException;

/**
 * The insured price list table, read with blocking JDBC calls, uncached. Of the rows of a code
 * whose period covers the day, the one with the latest {@code valid_from} gives the price; both
 * ends are inclusive. Each lookup reads only the code's rows, through the primary key.
 */
public final class JdbcPriceCatalogue implements PriceCatalogue {
  static final String ON_DAY =
      "SELECT price FROM catalogue_price WHERE code = ? AND valid_from <= ?"
          + " AND (valid_to IS NULL OR valid_to >= ?) ORDER BY valid_from DESC LIMIT 1";
  static final String PERIODS =
      "SELECT valid_from, valid_to, price FROM catalogue_price WHERE code = ?"
          + " ORDER BY valid_from DESC";

  private final DataSource ds;

  public JdbcPriceCatalogue(DataSource ds) {
    this.ds = ds;
  }

  /**
   * {@inheritDoc}
   *
   * @throws DatabaseException when the database does not answer
   */
  @Override
  public Optional<BigDecimal> price(String code, LocalDate day) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(ON_DAY)) {
      ps.setString(1, code.strip());
      ps.setDate(2, Date.valueOf(day));
      ps.setDate(3, Date.valueOf(day));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getBigDecimal(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new DatabaseException("price catalogue lookup failed", e);
    }
  }

  /** Every stored period of a code, latest start first; empty when the list has no such code. */
  List<PricePeriod> periods(String code) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(PERIODS)) {
      ps.setString(1, code);
      List<PricePeriod> periods = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Date to = rs.getDate(2);
          periods.add(
              new PricePeriod(
                  rs.getDate(1).toLocalDate(),
                  to == null ? null : to.toLocalDate(),
                  rs.getBigDecimal(3)));
        }
      }
      return List.copyOf(periods);
    } catch (SQLException e) {
      throw new DatabaseException("price catalogue lookup failed", e);
    }
  }
}
