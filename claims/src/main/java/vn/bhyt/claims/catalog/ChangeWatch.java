package vn.bhyt.claims.catalog;

import com.github.benmanes.caffeine.cache.Ticker;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices that an import (in this process or another) changed a catalogue table, by its latest
 * {@code changed_at}: read through the table's index on that column, at most once per interval and
 * only when someone asks. Imports never delete rows, so every change moves it.
 */
final class ChangeWatch {
  private static final Logger log = LoggerFactory.getLogger(ChangeWatch.class);

  private final DataSource ds;
  private final String sql;
  private final long intervalNanos;
  private final Ticker ticker;
  private volatile long nextCheck;
  private boolean checked;
  private @Nullable Timestamp latest;

  /**
   * @param table a catalogue table with a {@code changed_at} column (a constant, never input)
   */
  ChangeWatch(DataSource ds, String table, Duration interval, Ticker ticker) {
    this.ds = ds;
    this.sql = "SELECT MAX(changed_at) FROM " + table;
    this.intervalNanos = interval.toNanos();
    this.ticker = ticker;
    this.nextCheck = ticker.read();
  }

  /**
   * Whether the table changed since the last time this said so; true on the first check. When the
   * database does not answer, false (logged): callers keep what they have and ask again later.
   */
  boolean changed() {
    long now = ticker.read();
    if (now - nextCheck < 0) {
      return false;
    }
    synchronized (this) {
      if (now - nextCheck < 0) {
        return false;
      }
      nextCheck = now + intervalNanos;
      try {
        Timestamp max = latest();
        boolean changed = !checked || !Objects.equals(max, latest);
        checked = true;
        latest = max;
        return changed;
      } catch (SQLException e) {
        log.warn("change check failed, keeping cached rows: {}", e.toString());
        return false;
      }
    }
  }

  private @Nullable Timestamp latest() throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getTimestamp(1);
    }
  }
}
