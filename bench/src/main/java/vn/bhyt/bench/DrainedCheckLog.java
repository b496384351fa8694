package vn.bhyt.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import vn.bhyt.verifier.audit.CheckLog;
import vn.bhyt.verifier.audit.CheckRecord;

/**
 * A check log with the audit writer's bounded queue, drained by a thread that drops what it takes:
 * a check pays what it pays with the real writer, without the database's insert rate.
 */
final class DrainedCheckLog implements CheckLog, AutoCloseable {
  private final BlockingQueue<CheckRecord> queue = new ArrayBlockingQueue<>(100_000);
  private final Thread drainer;

  DrainedCheckLog() {
    drainer = new Thread(this::drain, "audit-drainer");
    drainer.setDaemon(true);
    drainer.start();
  }

  @Override
  public boolean record(CheckRecord record) {
    return queue.offer(record);
  }

  private void drain() {
    List<CheckRecord> batch = new ArrayList<>(2_000);
    try {
      while (true) {
        batch.add(queue.take());
        queue.drainTo(batch, 1_999);
        batch.clear();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    drainer.interrupt();
  }
}
