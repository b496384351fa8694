package vn.bhyt.claims.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import vn.bhyt.claims.assessment.ClaimHistory;
import vn.bhyt.claims.assessment.PastClaim;
import vn.bhyt.persistence.DatabaseException;

/**
 * The claim history over the stored claims, read on the connection of the transaction that stores
 * new ones, so that a dossier also sees those of its own envelope stored before it. Each claim
 * counts with its current version.
 *
 * <p>The claims of visit keys can be read ahead, many at once ({@link #prefetch}): a key read ahead
 * is answered from memory until it is read ahead again. The intake reads ahead the keys of the next
 * dossiers, which no dossier stored in between can share (an envelope's keys are distinct).
 */
public final class JdbcClaimHistory implements ClaimHistory {
  /** The most keys read ahead by one statement. */
  static final int BATCH = 500;

  private final SharedConnection shared;
  private final Map<String, List<PastClaim>> ahead = new HashMap<>();
  private final Map<String, List<PastClaim>> onCardAhead = new HashMap<>();
  private final Map<String, ClaimVisit> written = new HashMap<>();
  private final Map<String, List<String>> writtenOnCard = new HashMap<>();
  private final Set<String> facilities = new HashSet<>();

  public JdbcClaimHistory(SharedConnection shared) {
    this.shared = shared;
  }

  /** Reads the claims of the visit keys, in one statement per {@value #BATCH} keys. */
  public void prefetch(Collection<String> maLks) {
    readAhead(Sql.HISTORY_BY_KEYS, maLks, ahead, PastClaim::maLk);
  }

  @Override
  public List<PastClaim> byVisitKey(String maLk) {
    List<PastClaim> known = ahead.get(maLk);
    List<PastClaim> out = new ArrayList<>();
    for (PastClaim past : known != null ? known : query(Sql.HISTORY_BY_KEY, maLk, null, null)) {
      if (!written.containsKey(key(past.facility(), past.maLk()))) {
        out.add(past);
      }
    }
    for (String facility : facilities) {
      ClaimVisit v = written.get(key(facility, maLk));
      if (v != null) {
        String card = v.cards().stream().min(String::compareTo).orElse(null);
        out.add(new PastClaim(facility, maLk, card, v.start(), v.end(), v.inpatient()));
      }
    }
    return out;
  }

  /** Takes note of a version written in this transaction, which may not be sent yet. */
  public void written(String facility, String maLk, ClaimVisit visit) {
    String key = key(facility, maLk);
    facilities.add(facility);
    ClaimVisit before = written.put(key, visit);
    if (before != null) {
      before.cards().forEach(card -> Objects.requireNonNull(writtenOnCard.get(card)).remove(key));
    }
    for (String card : visit.cards()) {
      writtenOnCard.computeIfAbsent(card, k -> new ArrayList<>()).add(key);
    }
  }

  /**
   * Reads every claim on the cards, in one statement per {@value #BATCH} cards: {@link #onCard}
   * then answers for these cards from memory, until they are read ahead again.
   */
  public void prefetchCards(Collection<String> cardNumbers) {
    readAhead(Sql.HISTORY_ON_CARDS, cardNumbers, onCardAhead, PastClaim::cardNumber);
  }

  /**
   * Replaces {@code into} with the claims of each value, read by {@code head} followed by an {@code
   * IN} list of at most {@value #BATCH} values per statement.
   */
  private void readAhead(
      String head,
      Collection<String> values,
      Map<String, List<PastClaim>> into,
      Function<PastClaim, @Nullable String> keyOf) {
    into.clear();
    List<String> keys = new ArrayList<>(new LinkedHashSet<>(values));
    for (String key : keys) {
      into.put(key, new ArrayList<>());
    }
    for (int from = 0; from < keys.size(); from += BATCH) {
      List<String> part = keys.subList(from, Math.min(keys.size(), from + BATCH));
      String sql = head + "(?" + ",?".repeat(part.size() - 1) + ")";
      try (PreparedStatement ps = shared.take().prepareStatement(sql)) {
        for (int i = 0; i < part.size(); i++) {
          ps.setString(i + 1, part.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            PastClaim past = past(rs);
            List<PastClaim> list = into.get(keyOf.apply(past));
            if (list != null) {
              list.add(past);
            }
          }
        }
      } catch (SQLException e) {
        throw new DatabaseException(e);
      }
    }
  }

  @Override
  public List<PastClaim> onCard(String cardNumber, LocalDateTime from, LocalDateTime to) {
    List<PastClaim> out = new ArrayList<>();
    List<PastClaim> known = onCardAhead.get(cardNumber);
    List<PastClaim> stored = new ArrayList<>();
    if (known == null) {
      stored = query(Sql.HISTORY_ON_CARD, cardNumber, to, from);
    } else {
      for (PastClaim past : known) {
        if (overlaps(past.admitted(), past.discharged(), from, to)) {
          stored.add(past);
        }
      }
    }
    for (PastClaim past : stored) {
      if (!written.containsKey(key(past.facility(), past.maLk()))) {
        out.add(past);
      }
    }
    for (String key : writtenOnCard.getOrDefault(cardNumber, List.of())) {
      ClaimVisit v = Objects.requireNonNull(written.get(key));
      if (overlaps(v.start(), v.end(), from, to)) {
        int cut = key.indexOf('\0');
        out.add(
            new PastClaim(
                key.substring(0, cut),
                key.substring(cut + 1),
                cardNumber,
                v.start(),
                v.end(),
                v.inpatient()));
      }
    }
    return out;
  }

  /**
   * As {@link Sql#HISTORY_ON_CARD} selects: a start, and start to end (or start) meets the period.
   */
  private static boolean overlaps(
      @Nullable LocalDateTime start,
      @Nullable LocalDateTime end,
      LocalDateTime from,
      LocalDateTime to) {
    return start != null && !start.isAfter(to) && !(end != null ? end : start).isBefore(from);
  }

  private static String key(String facility, String maLk) {
    return facility + '\0' + maLk;
  }

  private List<PastClaim> query(
      String sql, String key, @Nullable LocalDateTime a, @Nullable LocalDateTime b) {
    try (PreparedStatement ps = shared.take().prepareStatement(sql)) {
      ps.setString(1, key);
      if (a != null) {
        ps.setObject(2, a);
        ps.setObject(3, b);
      }
      List<PastClaim> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(past(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
  }

  private static PastClaim past(ResultSet rs) throws SQLException {
    return new PastClaim(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getObject(4, LocalDateTime.class),
        rs.getObject(5, LocalDateTime.class),
        rs.getBoolean(6));
  }
}
