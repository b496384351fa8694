package vn.bhyt.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop HTTP/1.1 load generator on Netty NIO.
 *
 * <p>Each connection of a {@link LoadSpec} sends one request, waits for the whole response and
 * sends the next, over keep-alive and without pipelining; a connection that closes, resets or times
 * out is replaced. A run always ends by itself once its warm-up and measured duration have passed.
 *
 * <pre>{@code
 * LoadResult result =
 *     LoadDriver.run(
 *         LoadSpec.post(uri, "application/json", LoadSpec.rotating(bodies))
 *             .withHeader("Authorization", "Bearer " + token)
 *             .withConnections(50));
 * System.out.println(result.format());
 * }</pre>
 */
public final class LoadDriver {

  private static final long SHUTDOWN_TIMEOUT_SECONDS = 5;

  private LoadDriver() {}

  /**
   * Runs {@code spec} and returns its measured result.
   *
   * @throws InterruptedException if interrupted while waiting; the run is stopped first
   */
  public static LoadResult run(LoadSpec spec) throws InterruptedException {
    EventLoopGroup group =
        new MultiThreadIoEventLoopGroup(
            spec.clientThreads(),
            new DefaultThreadFactory("load-driver", true),
            NioIoHandler.newFactory());
    List<ConnectionLoop> slots = new ArrayList<>(spec.connections());
    Window window = Window.startingNow(spec.warmUp(), spec.duration());
    Duration cpuAtStart;
    Duration cpuAtEnd;
    Duration childrenAtStart;
    Duration childrenAtEnd;
    try {
      start(spec, group, window, slots);
      window.awaitMeasuring();
      cpuAtStart = CpuClock.used();
      childrenAtStart = CpuClock.children();
      window.awaitEnd();
      cpuAtEnd = CpuClock.used();
      childrenAtEnd = CpuClock.children();
    } finally {
      group
          .shutdownGracefully(0, 1, TimeUnit.SECONDS)
          .awaitUninterruptibly(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
    return collect(slots, window)
        .withCpu(cpuAtEnd.minus(cpuAtStart), childrenAtEnd.minus(childrenAtStart));
  }

  private static void start(
      LoadSpec spec, EventLoopGroup group, Window window, List<ConnectionLoop> slots) {
    Bootstrap bootstrap =
        new Bootstrap()
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis(spec));
    RequestFactory requests = new RequestFactory(spec);
    for (int i = 0; i < spec.connections(); i++) {
      EventLoop loop = group.next();
      ConnectionLoop slot = new ConnectionLoop(bootstrap, loop, spec, requests, window);
      slots.add(slot);
      slot.start();
    }
  }

  private static int connectTimeoutMillis(LoadSpec spec) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, spec.requestTimeout().toMillis()));
  }

  private static LoadResult collect(List<ConnectionLoop> slots, Window window) {
    Histogram latencies = new Histogram(3);
    Map<Integer, Long> statuses = new TreeMap<>();
    long errors = 0;
    long timeouts = 0;
    for (ConnectionLoop slot : slots) {
      slot.addLatenciesTo(latencies);
      slot.addStatusesTo(statuses);
      errors += slot.errors();
      timeouts += slot.timeouts();
    }
    return LoadResult.of(latencies, window.measured(), statuses, errors, timeouts);
  }
}
