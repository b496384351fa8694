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
 * @param start {@code NGAY_VAO}, or null when unreadable
 * @param end {@code NGAY_RA}, or null when unreadable
 * @param inpatient whether {@code MA_LOAI_KCB} is an inpatient kind on the visit date
 * @param department {@code MA_KHOA} (a {@code ;}-list when the visit went through several), cut to
 *     50 characters, or null
 * @param cards the card numbers of {@code MA_THE_BHYT} that fit a card number's length
 */
public record ClaimVisit(
    @Nullable LocalDateTime start,
    @Nullable LocalDateTime end,
    boolean inpatient,
    @Nullable String department,
    List<String> cards) {
  private static final int MAX_CARD = 20;
  private static final int MAX_DEPARTMENT = 50;

  public ClaimVisit {
    cards = List.copyOf(cards);
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
    String department = facts.text("MA_KHOA");
    if (department != null && department.length() > MAX_DEPARTMENT) {
      department = department.substring(0, MAX_DEPARTMENT);
    }
    List<String> cards =
        facts.cards().stream()
            .map(String::strip)
            .filter(c -> c.length() <= MAX_CARD)
            .distinct()
            .toList();
    return new ClaimVisit(facts.admitted(), facts.discharged(), stay, department, cards);
  }
}
