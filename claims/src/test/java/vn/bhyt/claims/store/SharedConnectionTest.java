package vn.bhyt.claims.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The connection lent to a background sender is taken back only once the sender is done. */
class SharedConnectionTest {
  private final ExecutorService sender = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    sender.shutdownNow();
  }

  @Test
  void takingWaitsForTheWorkTheConnectionIsLentTo() throws Exception {
    SharedConnection shared = new SharedConnection(null);
    List<String> order = new CopyOnWriteArrayList<>();
    CountDownLatch started = new CountDownLatch(1);
    shared.lend(
        sender,
        c -> {
          started.countDown();
          LockSupport.parkNanos(200_000_000L);
          order.add("sent");
        });
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    shared.take();
    order.add("taken");
    assertThat(order).containsExactly("sent", "taken");
  }

  @Test
  void theSendersFailureComesBackToWhoeverTakesTheConnection() throws Exception {
    SharedConnection shared = new SharedConnection(null);
    shared.lend(
        sender,
        c -> {
          throw new SQLException("duplicate", "23000", 1062);
        });
    assertThatThrownBy(shared::take).isInstanceOf(SQLException.class).hasMessage("duplicate");
    shared.take();
  }
}
