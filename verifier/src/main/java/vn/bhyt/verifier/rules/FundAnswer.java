package vn.bhyt.verifier.rules;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The fund's answer to a card check: its result code ({@code maKetQua}, three digits, see {@code
 * vss-result-codes.csv}), its note ({@code ghiChu}), what it holds on the card, and the card's
 * recent treatment history ({@code dsLichSuKCB2018}).
 *
 * @param card null when the answer names no card ({@code maThe} empty or absent)
 */
public record FundAnswer(
    String resultCode, @Nullable String note, @Nullable FundCard card, List<FundVisit> history) {
  public FundAnswer {
    history = List.copyOf(history);
  }
}
