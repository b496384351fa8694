package vn.bhyt.claims.store;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.bhyt.claims.assessment.ClaimFacts;
import vn.bhyt.claims.assessment.ClaimReference;
import vn.bhyt.claims.assessment.Stay;
import vn.bhyt.claims.claim.ClaimDossier;

/**
 * What the store indexes of a claim's visit, from its {@code XML1} summary: the list filters and
 * the claim history read these.
 *
 * @param start {@code NGAY_VAO}, or null when unreadable or outside the years its column holds
 *     (1000 to 9999)
 * @param end {@code NGAY_RA}, or null likewise
 * @param inpatient whether {@code MA_LOAI_KCB} is an inpatient kind on the visit date
 * @param department {@code MA_KHOA} (a {@code ;}-list when the visit went through several), cut to
 *     what its column holds (50 characters), or null
 * @param cards the card numbers of {@code MA_THE_BHYT} that fit a card number's column (20
 *     characters)
 */
public record ClaimVisit(
    @Nullable LocalDateTime start,
    @Nullable LocalDateTime end,
    boolean inpatient,
    @Nullable String department,
    List<String> cards) {
  public ClaimVisit {
    if ((start != null && !StoredColumn.CLAIM_VISIT_START.type().holds(start))
        || (end != null && !StoredColumn.CLAIM_VISIT_END.type().holds(end))
        || (department != null && !StoredColumn.CLAIM_DEPARTMENT.type().holds(department))) {
      throw new IllegalArgumentException("visit: a value its column does not hold");
    }
    cards = List.copyOf(cards);
    if (!cards.stream().allMatch(StoredColumn.CARD_NUMBER.type()::holds)) {
      throw new IllegalArgumentException("cards: a number its column does not hold");
    }
  }

  /** The visit of a dossier received on that day. */
  public static ClaimVisit of(ClaimDossier dossier, ClaimReference reference, LocalDate received) {
    ClaimFacts facts = ClaimFacts.of(dossier, received);
    String type = facts.text("MA_LOAI_KCB");
    boolean stay =
        type != null
            && reference
                .visitType(type, facts.visitDay())
                .map(t -> t.stay() == Stay.INPATIENT)
                .orElse(false);
    String department = StoredColumn.CLAIM_DEPARTMENT.type().clipOrNull(facts.text("MA_KHOA"));
    List<String> cards =
        facts.cards().stream()
            .map(String::strip)
            .filter(StoredColumn.CARD_NUMBER.type()::holds)
            .distinct()
            .toList();
    return new ClaimVisit(
        held(facts.admitted(), StoredColumn.CLAIM_VISIT_START),
        held(facts.discharged(), StoredColumn.CLAIM_VISIT_END),
        stay,
        department,
        cards);
  }

  private static @Nullable LocalDateTime held(@Nullable LocalDateTime time, StoredColumn column) {
    return time != null && column.type().holds(time) ? time : null;
  }
}
