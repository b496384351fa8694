package vn.bhyt.fundsim;

import java.time.Duration;

/** How the simulated fund waits (latency, held connections): the thread sleeps, unless replaced. */
@FunctionalInterface
public interface Sleeper {
  Sleeper THREAD = d -> Thread.sleep(d.toMillis());

  void sleep(Duration d) throws InterruptedException;
}
