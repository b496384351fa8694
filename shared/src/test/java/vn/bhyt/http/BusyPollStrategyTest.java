package vn.bhyt.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.SelectStrategy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BusyPollStrategyTest {
  private final AtomicInteger polls = new AtomicInteger();

  private int nothingReady() {
    polls.incrementAndGet();
    return 0;
  }

  private SelectStrategy strategy(Duration budget) {
    return new BusyPollStrategy(budget, () -> false);
  }

  @Test
  void withTasksWaitingItPollsOnceAndReturnsWhatThePollFound() throws Exception {
    int strategy =
        strategy(Duration.ofSeconds(10)).calculateStrategy(() -> polls.incrementAndGet() - 1, true);
    assertThat(strategy).isZero();
    assertThat(polls).hasValue(1);
  }

  @Test
  void withoutABudgetItSleepsAtOnceWithoutPolling() throws Exception {
    int strategy = strategy(Duration.ZERO).calculateStrategy(polls::incrementAndGet, false);
    assertThat(strategy).isEqualTo(SelectStrategy.SELECT);
    assertThat(polls).hasValue(0);
  }

  @Test
  void itPollsUntilAConnectionIsReady() throws Exception {
    int strategy =
        strategy(Duration.ofSeconds(10))
            .calculateStrategy(() -> polls.incrementAndGet() < 5 ? 0 : 2, false);
    assertThat(strategy).isEqualTo(2);
    assertThat(polls).hasValue(5);
  }

  @Test
  void itStopsPollingAsSoonAsAnotherThreadHandsTheLoopWork() throws Exception {
    AtomicInteger checks = new AtomicInteger();
    SelectStrategy strategy =
        new BusyPollStrategy(Duration.ofSeconds(10), () -> checks.incrementAndGet() >= 3);
    int result = strategy.calculateStrategy(this::nothingReady, false);
    assertThat(result).as("go on to run the tasks, not sleep").isZero();
    assertThat(polls).hasValue(3);
  }

  @Test
  void whenNothingIsReadyItSleepsOnlyAfterItsBudget() throws Exception {
    long start = System.nanoTime();
    int strategy = strategy(Duration.ofMillis(20)).calculateStrategy(this::nothingReady, false);
    assertThat(strategy).isEqualTo(SelectStrategy.SELECT);
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(20).toNanos());
    assertThat(polls.get()).isGreaterThan(1);
  }
}
