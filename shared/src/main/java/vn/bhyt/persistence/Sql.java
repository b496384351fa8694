package vn.bhyt.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An SQL statement and the values of its parameters, in order; a null value binds SQL NULL. */
public record Sql(String text, List<@Nullable Object> binds) {
  public Sql {
    binds = Collections.unmodifiableList(new ArrayList<>(binds));
  }

  /** The statement prepared on a connection with its values bound. */
  public PreparedStatement prepare(Connection c) throws SQLException {
    PreparedStatement ps = c.prepareStatement(text);
    try {
      for (int i = 0; i < binds.size(); i++) {
        bind(ps, i + 1, binds.get(i));
      }
      return ps;
    } catch (SQLException e) {
      ps.close();
      throw e;
    }
  }

  /** Sets a parameter with the setter of its type: strings and ints are the common ones. */
  public static void bind(PreparedStatement ps, int index, @Nullable Object value)
      throws SQLException {
    if (value instanceof String s) {
      ps.setString(index, s);
    } else if (value instanceof Integer n) {
      ps.setInt(index, n);
    } else {
      ps.setObject(index, value);
    }
  }
}
