package vn.bhyt.verifier.rules;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.reference.ReferenceData;

/** Checks a card number's form, group, benefit level and province against the reference data. */
final class NumberRule {
  private final ReferenceData reference;

  NumberRule(ReferenceData reference) {
    this.reference = reference;
  }

  void check(CardFacts card, Consumer<Finding> out) {
    CardNumber number = card.number();
    switch (number.model()) {
      case UNKNOWN -> out.accept(Finding.of(FindingCode.CARD_NUMBER_MALFORMED));
      case OLD -> checkOld(number, out);
      case NEW -> checkNew(card, out);
    }
  }

  private void checkOld(CardNumber number, Consumer<Finding> out) {
    // an old-model number always carries its group, level and province
    String group = Objects.requireNonNull(number.group());
    if (reference.group(group).isEmpty()) {
      out.accept(Finding.of(FindingCode.GROUP_UNKNOWN, group));
    }
    int level = Objects.requireNonNull(number.level());
    if (level == 6 || level == 7) {
      out.accept(Finding.of(FindingCode.CARD_NUMBER_LEGACY));
    } else if (reference.level(level).isEmpty()) {
      out.accept(Finding.of(FindingCode.LEVEL_INVALID, level));
    } else if (number.legacy()) {
      out.accept(Finding.of(FindingCode.CARD_NUMBER_LEGACY));
    }
    String province = Objects.requireNonNull(number.province());
    if (!reference.knowsProvince(province)) {
      out.accept(Finding.of(FindingCode.PROVINCE_UNKNOWN, province));
    } else if (province.equals("97")) {
      out.accept(Finding.of(FindingCode.MANAGED_BY_DEFENCE));
    } else if (province.equals("98")) {
      out.accept(Finding.of(FindingCode.MANAGED_BY_POLICE));
    }
  }

  private void checkNew(CardFacts card, Consumer<Finding> out) {
    if (card.group() != null && reference.group(card.group()).isEmpty()) {
      out.accept(Finding.of(FindingCode.GROUP_UNKNOWN, card.group()));
    }
    Integer level = card.benefitLevel();
    if (level != null && reference.level(level).isEmpty() && !List.of(6, 7).contains(level)) {
      out.accept(Finding.of(FindingCode.LEVEL_INVALID, level));
    }
  }
}
