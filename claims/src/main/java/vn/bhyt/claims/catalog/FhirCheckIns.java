package vn.bhyt.claims.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import vn.bhyt.claims.assessment.CheckIns;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.fhir.EncounterIndex;
import vn.bhyt.fhir.EncounterIndex.CheckedBy;
import vn.bhyt.fhir.Identifiers;
import vn.bhyt.verifier.audit.CardHasher;
import vn.bhyt.verifier.audit.Receipts;

/**
 * Reception's check-ins as the FHIR store holds them, asked of its {@link EncounterIndex} with
 * blocking calls, uncached.
 *
 * <ul>
 *   <li>By {@code MA_LK}: an Encounter with the identifier {@code MA_LK} in the facility's
 *       visit-key system ({@link Identifiers#hisVisit}).
 *   <li>By card and day: the Coverage with that subscriber id (the card number), its beneficiary,
 *       and an Encounter of that patient whose period starts on that day in this facility's time
 *       zone.
 * </ul>
 *
 * A visit found is {@link CheckIn#PROVEN} when its Encounter names the card check that opened it
 * and that check's receipt, and the receipt is genuine for the check and the card ({@link
 * Receipts}): a check-in at this gateway's reception made it. Otherwise, it is {@link
 * CheckIn#UNPROVEN}: recorded through the FHIR API, or before receipts were given.
 *
 * <p>Encounters with status {@code cancelled} or {@code entered-in-error} do not count. The store
 * holds this facility's visits only: for another facility, and while the store has no Encounter at
 * all (reception has not used the gateway yet), the answer is {@link Answer#UNKNOWN}. Whether the
 * store has an Encounter is asked again at most once per {@link #ABSENT_RECHECK} while it has none,
 * and no more once it has one.
 */
public final class FhirCheckIns implements CheckIns {
  /** How long the store's having no Encounter is trusted before it is asked again. */
  static final long ABSENT_RECHECK = 2_000_000_000L;

  private final EncounterIndex encounters;
  private final FacilityCode here;
  private final ZoneId zone;
  private final Receipts receipts;
  private final CardHasher hasher;
  private volatile boolean recording;
  private volatile long recheckAt;
  private volatile boolean checked;

  /**
   * @param here this facility, whose reception records check-ins in the store
   * @param zone the facility's time zone, in which days begin and end
   * @param receipts the receipts of this gateway's card checks
   * @param hasher the hash of card numbers that receipts state
   */
  public FhirCheckIns(
      EncounterIndex encounters,
      FacilityCode here,
      ZoneId zone,
      Receipts receipts,
      CardHasher hasher) {
    this.encounters = encounters;
    this.here = here;
    this.zone = zone;
    this.receipts = receipts;
    this.hasher = hasher;
  }

  /**
   * {@inheritDoc}
   *
   * @throws vn.bhyt.persistence.DatabaseException when the database does not answer
   */
  @Override
  public CheckIn byVisit(String facility, String maLk, List<String> cards) {
    if (maLk == null || maLk.isBlank() || !known(facility)) {
      return CheckIn.UNKNOWN;
    }
    return judge(encounters.checksWithIdentifier(Identifiers.hisVisit(here), maLk.strip()), cards);
  }

  /**
   * {@inheritDoc}
   *
   * @throws vn.bhyt.persistence.DatabaseException when the database does not answer
   */
  @Override
  public CheckIn byCard(String facility, String cardNumber, LocalDate day) {
    if (cardNumber == null || cardNumber.isBlank() || day == null || !known(facility)) {
      return CheckIn.UNKNOWN;
    }
    String card = CardNumber.of(cardNumber).value();
    return judge(
        encounters.checksOfSubscriberStarting(card, start(day), start(day.plusDays(1))),
        List.of(card));
  }

  /** Proven when one of the visits names a check whose receipt is genuine for one of the cards. */
  private CheckIn judge(List<CheckedBy> visits, List<String> cards) {
    if (visits.isEmpty()) {
      return CheckIn.ABSENT;
    }
    for (CheckedBy visit : visits) {
      String id = visit.checkId();
      String receipt = visit.receipt();
      if (id == null || receipt == null) {
        continue;
      }
      for (String card : cards) {
        if (card != null
            && !card.isBlank()
            && receipts.verify(receipt, id, hasher.hash(CardNumber.of(card).value())) != null) {
          return CheckIn.PROVEN;
        }
      }
    }
    return CheckIn.UNPROVEN;
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
    recording = encounters.any();
    recheckAt = now + ABSENT_RECHECK;
    checked = true;
    return recording;
  }

  /** The start of a day in this facility. */
  private Instant start(LocalDate day) {
    return day.atStartOfDay(zone).toInstant();
  }
}
