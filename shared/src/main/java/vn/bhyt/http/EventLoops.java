package vn.bhyt.http;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.NettyRuntime;
import java.nio.channels.spi.SelectorProvider;
import java.time.Duration;

/**
 * The server's event loops: the threads that read requests, run the routes' own work and write the
 * answers.
 *
 * @param count how many; 0 for one per processor. More loops than processors only adds thread
 *     switches, since the routes' work runs on them
 * @param busyPoll how long a loop with nothing left to do keeps polling its connections before it
 *     sleeps (see {@link BusyPollStrategy}); zero sleeps at once
 */
public record EventLoops(int count, Duration busyPoll) {
  /** One loop per processor, sleeping as soon as it has nothing to do. */
  public static final EventLoops PER_PROCESSOR = new EventLoops(0, Duration.ZERO);

  public EventLoops {
    if (count < 0) {
      throw new IllegalArgumentException("count: " + count + " (expected: >= 0)");
    }
    if (busyPoll.isNegative()) {
      throw new IllegalArgumentException("busyPoll: " + busyPoll + " (expected: >= 0)");
    }
  }

  /** The number of threads, with 0 resolved to the processors. */
  public int threads() {
    return count == 0 ? NettyRuntime.availableProcessors() : count;
  }

  /** NIO handlers that busy-poll for {@link #busyPoll}. */
  public IoHandlerFactory ioHandlers() {
    return NioIoHandler.newFactory(SelectorProvider.provider(), BusyPollStrategy.factory(busyPoll));
  }
}
