package vn.bhyt.http;

import io.netty.channel.SelectStrategy;
import io.netty.channel.SelectStrategyFactory;
import io.netty.util.IntSupplier;
import io.netty.util.concurrent.SingleThreadEventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * An event loop with nothing left to do polls its connections again for a while, yielding the
 * processor between polls, before it sleeps in the selector.
 *
 * <p>Under load the next request comes within microseconds. A loop that sleeps has to be woken for
 * it, and the sleep and the wake-up are two thread switches, paid partly by the load's sender; on a
 * 2-core machine that was a tenth of a card check's CPU. A loop that is still polling takes the
 * request at once, and yielding lets any other thread that wants the processor have it meanwhile.
 * An idle server pays one poll budget after each request.
 *
 * <p>Work handed to the loop by other threads (answers completed on the worker pool, connections to
 * register) ends the polling at once. Timers due meanwhile wait for the end of the budget.
 */
final class BusyPollStrategy implements SelectStrategy {
  private final long budgetNanos;
  private final BooleanSupplier tasksWaiting;

  BusyPollStrategy(Duration budget, BooleanSupplier tasksWaiting) {
    this.budgetNanos = budget.toNanos();
    this.tasksWaiting = tasksWaiting;
  }

  static SelectStrategyFactory factory(Duration budget) {
    SelectStrategy strategy = new BusyPollStrategy(budget, BusyPollStrategy::loopHasTasks);
    return () -> strategy;
  }

  /** Whether work waits in the queue of the event loop this runs on. */
  private static boolean loopHasTasks() {
    return ThreadExecutorMap.currentExecutor() instanceof SingleThreadEventExecutor loop
        && loop.pendingTasks() > 0;
  }

  // Yielding between polls is what a busy poll does; it never sleeps while polling.
  @SuppressWarnings("ThreadPriorityCheck")
  @Override
  public int calculateStrategy(IntSupplier selectNow, boolean hasTasks) throws Exception {
    if (hasTasks) {
      return selectNow.get();
    }
    if (budgetNanos == 0) {
      return SelectStrategy.SELECT;
    }
    long deadline = System.nanoTime() + budgetNanos;
    do {
      int ready = selectNow.get();
      if (ready > 0 || tasksWaiting.getAsBoolean()) {
        return ready;
      }
      Thread.yield();
    } while (System.nanoTime() - deadline < 0);
    return SelectStrategy.SELECT;
  }
}
