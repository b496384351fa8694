package vn.bhyt.claims.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LineMoneyTest {
  static final BigDecimal HALF_HUNDREDTH = new BigDecimal("0.005");

  static long[] seeds() {
    long[] seeds = new long[200];
    for (int i = 0; i < seeds.length; i++) {
      seeds[i] = 1000 + i;
    }
    return seeds;
  }

  @Test
  void theRealLineFromASubmittedFile() {
    LineMoney m =
        LineMoney.of(
            new BigDecimal("2"),
            new BigDecimal("714500"),
            new BigDecimal("714500"),
            new BigDecimal("100"),
            new BigDecimal("70"),
            BigDecimal.ZERO,
            new BigDecimal("80"));
    assertThat(m.hospital()).isEqualByComparingTo("1429000");
    assertThat(m.insured()).isEqualByComparingTo("1000300");
    assertThat(m.patientPaid()).isEqualByComparingTo("428700");
    assertThat(m.fundShare()).isEqualByComparingTo("800240");
    assertThat(m.coPayment()).isEqualByComparingTo("200060");
  }

  @Test
  void amountsKeepTwoDecimalsRoundedHalfUp() {
    assertThat(LineMoney.hospital(new BigDecimal("3"), new BigDecimal("0.335")))
        .isEqualTo(new BigDecimal("1.01"));
    assertThat(LineMoney.fundShare(new BigDecimal("0.05"), BigDecimal.ZERO, new BigDecimal("50")))
        .isEqualTo(new BigDecimal("0.03"));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void sharesAddUpToTheInsuredAndHospitalAmounts(long seed) {
    Random random = new Random(seed);
    LineMoney m = randomLine(random).money();
    assertThat(m.fundShare().add(m.coPayment()).add(m.otherSources()))
        .isEqualByComparingTo(m.insured());
    assertThat(m.patientPaid().add(m.insured())).isEqualByComparingTo(m.hospital());
    assertThat(m.insured().scale()).isEqualTo(2);
    assertThat(m.fundShare().scale()).isEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void roundingStaysWithinHalfAHundredthPerLineAndTheToleranceForSums(long seed) {
    Random random = new Random(seed);
    int n = 1 + random.nextInt(40);
    BigDecimal roundedSum = BigDecimal.ZERO;
    BigDecimal exactSum = BigDecimal.ZERO;
    for (int i = 0; i < n; i++) {
      Inputs in = randomLine(random);
      BigDecimal exact =
          in.quantity
              .multiply(in.price)
              .multiply(in.serviceRatio)
              .multiply(in.insuredRatio)
              .movePointLeft(4);
      BigDecimal rounded = in.money().insured();
      assertThat(rounded.subtract(exact).abs()).isLessThanOrEqualTo(HALF_HUNDREDTH);
      BigDecimal exactFund =
          rounded
              .subtract(in.other)
              .multiply(in.benefit)
              .divide(LineMoney.HUNDRED, MathContext.DECIMAL128);
      assertThat(in.money().fundShare().subtract(exactFund).abs())
          .isLessThanOrEqualTo(HALF_HUNDREDTH);
      roundedSum = roundedSum.add(rounded);
      exactSum = exactSum.add(exact);
    }
    assertThat(roundedSum.subtract(exactSum).abs())
        .isLessThanOrEqualTo(HALF_HUNDREDTH.multiply(BigDecimal.valueOf(n)))
        .isLessThan(LineMoney.tolerance(n));
  }

  record Inputs(
      BigDecimal quantity,
      BigDecimal price,
      BigDecimal serviceRatio,
      BigDecimal insuredRatio,
      BigDecimal other,
      BigDecimal benefit) {
    LineMoney money() {
      return LineMoney.of(quantity, price, price, serviceRatio, insuredRatio, other, benefit);
    }
  }

  static final List<String> RATIOS = List.of("100", "80", "70", "50", "30");
  static final List<String> BENEFITS = List.of("100", "95", "80", "47.5", "40", "32", "0");

  /** A random line: quantities in quarters, prices with or without cents. */
  static Inputs randomLine(Random random) {
    BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(120)).divide(new BigDecimal(4));
    BigDecimal price = BigDecimal.valueOf(random.nextInt(500_000_000)).movePointLeft(2);
    BigDecimal serviceRatio = new BigDecimal(RATIOS.get(random.nextInt(RATIOS.size())));
    BigDecimal insuredRatio = new BigDecimal(RATIOS.get(random.nextInt(RATIOS.size())));
    BigDecimal insured = LineMoney.insured(quantity, price, serviceRatio, insuredRatio);
    BigDecimal other =
        random.nextInt(4) == 0
            ? insured.multiply(BigDecimal.valueOf(random.nextInt(50))).movePointLeft(2)
            : BigDecimal.ZERO;
    BigDecimal benefit = new BigDecimal(BENEFITS.get(random.nextInt(BENEFITS.size())));
    return new Inputs(quantity, price, serviceRatio, insuredRatio, LineMoney.round(other), benefit);
  }
}
