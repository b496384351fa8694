package vn.bhyt.verifier.rules;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.domain.Sex;

/**
 * A card as the fund holds it (reference section 3): every field as the fund sent it, null where it
 * sent none or an empty one. Codes stay text: the fund's data is taken as it is, and checked where
 * it is used.
 *
 * @param number {@code maThe}
 * @param name {@code hoTen}
 * @param birthDate {@code ngaySinh}, a date or a year
 * @param sex {@code gioiTinh} ({@code Nam}/{@code Nữ})
 * @param address {@code diaChi}
 * @param registeredFacility {@code maDKBD}
 * @param office {@code cqBHXH}, the social insurance office that issued it
 * @param validFrom {@code gtTheTu}
 * @param validTo {@code gtTheDen}
 * @param livingArea {@code maKV}
 * @param fiveYearsFrom {@code ngayDu5Nam}
 * @param ssn {@code maSoBHXH}
 * @param oldNumber {@code maTheCu}
 * @param newNumber {@code maTheMoi}: a newer card exists
 * @param newValidFrom {@code gtTheTuMoi}
 * @param newValidTo {@code gtTheDenMoi}
 * @param newRegisteredFacility {@code maDKBDMoi}
 */
public record FundCard(
    String number,
    @Nullable String name,
    @Nullable PartialDate birthDate,
    @Nullable Sex sex,
    @Nullable String address,
    @Nullable String registeredFacility,
    @Nullable String office,
    @Nullable LocalDate validFrom,
    @Nullable LocalDate validTo,
    @Nullable String livingArea,
    @Nullable LocalDate fiveYearsFrom,
    @Nullable String ssn,
    @Nullable String oldNumber,
    @Nullable String newNumber,
    @Nullable LocalDate newValidFrom,
    @Nullable LocalDate newValidTo,
    @Nullable String newRegisteredFacility) {

  /** Names and card numbers stay out of logs: only whether a newer card exists. */
  @Override
  public String toString() {
    return "FundCard[" + (newNumber == null ? "" : "replaced") + "]";
  }
}
