package vn.bhyt.bench;

import java.time.Duration;

/**
 * The CPU time used so far by this JVM and its child processes (such as a throwaway MariaDB the run
 * started), as the operating system counts it.
 */
final class CpuClock {
  private CpuClock() {}

  static Duration used() {
    return cpu(ProcessHandle.current()).plus(children());
  }

  /** The CPU time used so far by this JVM's child processes only. */
  static Duration children() {
    Duration total = Duration.ZERO;
    for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
      total = total.plus(cpu(child));
    }
    return total;
  }

  private static Duration cpu(ProcessHandle p) {
    return p.info().totalCpuDuration().orElse(Duration.ZERO);
  }
}
