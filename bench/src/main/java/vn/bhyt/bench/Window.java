package vn.bhyt.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The warm-up and measured spans of one run, in {@link System#nanoTime()} terms. */
record Window(long measureFromNanos, long endNanos) {

  /** Returns the window of a run that starts now. */
  static Window startingNow(Duration warmUp, Duration duration) {
    long measureFrom = System.nanoTime() + warmUp.toNanos();
    return new Window(measureFrom, measureFrom + duration.toNanos());
  }

  /** Tells whether a request sent at {@code sentNanos} and done at {@code doneNanos} counts. */
  boolean measures(long sentNanos, long doneNanos) {
    return sentNanos - measureFromNanos >= 0 && doneNanos - endNanos <= 0;
  }

  /** Tells whether {@code nanos} lies in the measured span. */
  boolean isMeasuring(long nanos) {
    return nanos - measureFromNanos >= 0 && nanos - endNanos < 0;
  }

  /** Tells whether the run is over at {@code nanos}. */
  boolean isOver(long nanos) {
    return nanos - endNanos >= 0;
  }

  /** Returns the length of the measured span. */
  Duration measured() {
    return Duration.ofNanos(endNanos - measureFromNanos);
  }

  /** Blocks until the run is over. */
  void awaitMeasuring() throws InterruptedException {
    for (long left = measureFromNanos - System.nanoTime();
        left > 0;
        left = measureFromNanos - System.nanoTime()) {
      java.util.concurrent.TimeUnit.NANOSECONDS.sleep(left);
    }
  }

  void awaitEnd() throws InterruptedException {
    for (long left = endNanos - System.nanoTime(); left > 0; left = endNanos - System.nanoTime()) {
      TimeUnit.NANOSECONDS.sleep(left);
    }
  }
}
