package vn.bhyt.verifier.rules;

import org.jspecify.annotations.Nullable;

/**
 * One visit of the card's treatment history as the fund sent it ({@code dsLichSuKCB2018}); times
 * stay text, as the fund wrote them.
 *
 * @param dossier {@code maHoSo}
 * @param facility {@code maCSKCB}
 * @param admitted {@code ngayVao}
 * @param discharged {@code ngayRa}
 * @param diagnosis {@code tenBenh}
 * @param status {@code tinhTrang}
 * @param result {@code kqDieuTri}
 */
public record FundVisit(
    @Nullable String dossier,
    @Nullable String facility,
    @Nullable String admitted,
    @Nullable String discharged,
    @Nullable String diagnosis,
    @Nullable String status,
    @Nullable String result) {

  /** Diagnoses stay out of logs. */
  @Override
  public String toString() {
    return "FundVisit[" + facility + "]";
  }
}
