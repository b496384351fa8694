package vn.bhyt.claims.catalog;

import com.github.benmanes.caffeine.cache.Ticker;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import vn.bhyt.claims.assessment.Answer;
import vn.bhyt.claims.assessment.IcdList;
import vn.bhyt.persistence.DatabaseException;

/**
 * The imported ICD-10 list, held whole in memory (some 15,000 codes) and reloaded when an import,
 * in this process or another, changed it: the table's latest change time is read at most once per
 * poll interval, when a lookup comes, and the list is in any case reloaded after its maximum age.
 *
 * <p>Answers {@link Answer#UNKNOWN} when no list was imported, or for a day before the list's first
 * day (its earliest {@code valid_from}; a code without one is in force since always); else {@link
 * Answer#YES} when the code (in either case, without a dagger or asterisk) is in force on the day,
 * both ends inclusive, and {@link Answer#NO} when it is not.
 */
public final class JdbcIcdList implements IcdList {
  /** How often, at most, lookups look for an import by default. */
  public static final Duration DEFAULT_POLL = Duration.ofSeconds(2);

  /** How long a loaded list is trusted by default, whatever the polls say. */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(1);

  private static final String ALL = "SELECT code, valid_from, valid_to FROM icd10_code";

  private final DataSource ds;
  private final ChangeWatch changes;
  private final long maxAgeNanos;
  private final Ticker ticker;
  private volatile @Nullable Loaded loaded;

  /** The list of a database, with the default poll interval and maximum age. */
  public JdbcIcdList(DataSource ds) {
    this(ds, DEFAULT_POLL, DEFAULT_MAX_AGE, Ticker.systemTicker());
  }

  /**
   * @param poll how often, at most, lookups look for an import
   * @param maxAge how long a loaded list is trusted, whatever the polls say
   */
  public JdbcIcdList(DataSource ds, Duration poll, Duration maxAge, Ticker ticker) {
    this.ds = ds;
    this.changes = new ChangeWatch(ds, IcdTable.TABLE, poll, ticker);
    this.maxAgeNanos = maxAge.toNanos();
    this.ticker = ticker;
  }

  /**
   * {@inheritDoc}
   *
   * @throws DatabaseException when the list was never loaded and the database does not answer
   */
  @Override
  public Answer contains(String code, LocalDate day) {
    Snapshot list = current();
    if (list.codes().isEmpty() || day.isBefore(list.firstDay())) {
      return Answer.UNKNOWN;
    }
    Validity v = code == null ? null : list.codes().get(IcdCsv.normalise(code));
    return v != null && v.covers(day) ? Answer.YES : Answer.NO;
  }

  /** Forgets the loaded list; the next lookup loads it again. */
  public void invalidate() {
    loaded = null;
  }

  private Snapshot current() {
    Loaded l = loaded;
    boolean changed = changes.changed();
    if (l != null && !changed && ticker.read() - l.at() < maxAgeNanos) {
      return l.list();
    }
    synchronized (this) {
      Loaded now = loaded;
      if (now != null && now != l) {
        return now.list();
      }
      loaded = null;
      now = new Loaded(load(), ticker.read());
      loaded = now;
      return now.list();
    }
  }

  private Snapshot load() {
    Map<String, Validity> codes = new HashMap<>();
    LocalDate first = LocalDate.MAX;
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(ALL);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        LocalDate from = date(rs.getDate(2), LocalDate.MIN);
        LocalDate to = date(rs.getDate(3), LocalDate.MAX);
        codes.put(rs.getString(1), new Validity(from, to));
        first = from.isBefore(first) ? from : first;
      }
    } catch (SQLException e) {
      throw new DatabaseException("ICD-10 list load failed", e);
    }
    return new Snapshot(Map.copyOf(codes), first);
  }

  private static LocalDate date(@Nullable Date d, LocalDate otherwise) {
    return d == null ? otherwise : d.toLocalDate();
  }

  /** The list as loaded: codes and the day the list starts. */
  private record Snapshot(Map<String, Validity> codes, LocalDate firstDay) {}

  /**
   * One load of the list and when it was made. Loads are told apart by identity (has another thread
   * loaded the list meanwhile?), so it has no value equality.
   */
  private static final class Loaded {
    private final Snapshot list;
    private final long at;

    Loaded(Snapshot list, long at) {
      this.list = list;
      this.at = at;
    }

    Snapshot list() {
      return list;
    }

    long at() {
      return at;
    }
  }

  /** The days a code is in the list, both ends inclusive. */
  private record Validity(LocalDate from, LocalDate to) {
    boolean covers(LocalDate day) {
      return !day.isBefore(from) && !day.isAfter(to);
    }
  }
}
