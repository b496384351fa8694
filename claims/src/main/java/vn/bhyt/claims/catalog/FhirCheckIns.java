package vn.bhyt.claims.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import vn.bhyt.claims.assessment.Answer;
import vn.bhyt.claims.assessment.CheckIns;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.fhir.Identifiers;

/**
 * Reception's check-ins as the FHIR store holds them, read through its search indexes with blocking
 * JDBC calls, uncached.
 *
 * <ul>
 *   <li>By {@code MA_LK}: an Encounter with the identifier {@code MA_LK} in the facility's
 *       visit-key system ({@link Identifiers#hisVisit}).
 *   <li>By card and day: the Coverage with that subscriber id (the card number), its beneficiary,
 *       and an Encounter of that patient whose period starts on that day in this facility's time
 *       zone.
 * </ul>
 *
 * Encounters with status {@code cancelled} or {@code entered-in-error} do not count. The store
 * holds this facility's visits only: for another facility, and while the store has no Encounter at
 * all (reception has not used the gateway yet), the answer is {@link Answer#UNKNOWN}. Whether the
 * store has an Encounter is asked again at most once per {@link #ABSENT_RECHECK} while it has none,
 * and no more once it has one.
 */
public final class FhirCheckIns implements CheckIns {
  private static final String NOT_VOID =
      " AND NOT EXISTS (SELECT 1 FROM fhir_token_index s FORCE INDEX (PRIMARY)"
          + " WHERE s.res_type = 'Encounter' AND s.res_id = %s AND s.param = 'status'"
          + " AND s.value IN ('cancelled', 'entered-in-error'))";
  static final String BY_VISIT =
      "SELECT 1 FROM fhir_token_index e WHERE e.res_type = 'Encounter' AND e.param = 'identifier'"
          + " AND e.value = ? AND e.system = ?"
          + String.format(NOT_VOID, "e.res_id")
          + " LIMIT 1";

  /**
   * Joined in the order written and through the keys that start with the resource id: a card has
   * one Coverage, its patient a few Encounters, whereas a day at a busy facility has thousands.
   */
  static final String BY_CARD =
      "SELECT STRAIGHT_JOIN 1 FROM fhir_token_index cov"
          + " JOIN fhir_reference_index ben ON ben.res_type = 'Coverage'"
          + " AND ben.res_id = cov.res_id AND ben.param = 'beneficiary'"
          + " JOIN fhir_reference_index enc ON enc.res_type = 'Encounter'"
          + " AND enc.param = 'patient' AND enc.target = ben.target"
          + " JOIN fhir_date_index d FORCE INDEX (PRIMARY) ON d.res_type = 'Encounter'"
          + " AND d.res_id = enc.res_id AND d.param = 'date' AND d.low >= ? AND d.low < ?"
          + " WHERE cov.res_type = 'Coverage' AND cov.param = 'subscriber-id' AND cov.value = ?"
          + String.format(NOT_VOID, "enc.res_id")
          + " LIMIT 1";

  static final String ANY_ENCOUNTER =
      "SELECT 1 FROM fhir_resource WHERE res_type = 'Encounter' LIMIT 1";

  /** How long the store's having no Encounter is trusted before it is asked again. */
  static final long ABSENT_RECHECK = 2_000_000_000L;

  private final DataSource ds;
  private final FacilityCode here;
  private final ZoneId zone;
  private volatile boolean recording;
  private volatile long recheckAt;
  private volatile boolean checked;

  /**
   * @param here this facility, whose reception records check-ins in the store
   * @param zone the facility's time zone, in which days begin and end
   */
  public FhirCheckIns(DataSource ds, FacilityCode here, ZoneId zone) {
    this.ds = ds;
    this.here = here;
    this.zone = zone;
  }

  /**
   * {@inheritDoc}
   *
   * @throws LookupException when the database does not answer
   */
  @Override
  public Answer byVisit(String facility, String maLk) {
    if (maLk == null || maLk.isBlank() || !known(facility)) {
      return Answer.UNKNOWN;
    }
    return exists(BY_VISIT, maLk.strip(), Identifiers.hisVisit(here)) ? Answer.YES : Answer.NO;
  }

  /**
   * {@inheritDoc}
   *
   * @throws LookupException when the database does not answer
   */
  @Override
  public Answer byCard(String facility, String cardNumber, LocalDate day) {
    if (cardNumber == null || cardNumber.isBlank() || day == null || !known(facility)) {
      return Answer.UNKNOWN;
    }
    return exists(BY_CARD, utc(day), utc(day.plusDays(1)), CardNumber.of(cardNumber).value())
        ? Answer.YES
        : Answer.NO;
  }

  /** Whether the store can answer for the facility: it is this one and reception has used it. */
  private boolean known(String facility) {
    if (facility == null || !here.value().equals(facility.strip())) {
      return false;
    }
    if (recording) {
      return true;
    }
    long now = System.nanoTime();
    if (checked && now - recheckAt < 0) {
      return false;
    }
    recording = exists(ANY_ENCOUNTER);
    recheckAt = now + ABSENT_RECHECK;
    checked = true;
    return recording;
  }

  /** The start of a day in this facility, as the date index stores instants: UTC. */
  private LocalDateTime utc(LocalDate day) {
    return LocalDateTime.ofInstant(day.atStartOfDay(zone).toInstant(), ZoneOffset.UTC);
  }

  private boolean exists(String sql, Object... binds) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < binds.length; i++) {
        ps.setObject(i + 1, binds[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new LookupException("check-in lookup failed", e);
    }
  }
}
