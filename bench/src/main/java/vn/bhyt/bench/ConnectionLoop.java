package vn.bhyt.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.timeout.ReadTimeoutException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One closed-loop connection slot: it keeps one request in flight, replacing its connection
 * whenever that closes, until the run is over.
 *
 * <p>All its methods but {@link #start()} run on its own event loop; its counters may be read once
 * that loop has terminated.
 */
// Writes, closes and reconnects report through the channel's handlers, which count every failure;
// nothing waits on their futures.
@SuppressWarnings("FutureReturnValueIgnored")
final class ConnectionLoop {

  private static final long RECONNECT_DELAY_MILLIS = 10;

  private final Bootstrap bootstrap;
  private final EventLoop loop;
  private final InetSocketAddress address;
  private final RequestFactory requests;
  private final Window window;
  private final Histogram latenciesMicros = new Histogram(3);
  private final long[] statuses = new long[1000];
  private long errors;
  private long timeouts;
  private boolean inFlight;
  private long sentNanos;
  private int status;
  private boolean keepAlive;

  ConnectionLoop(
      Bootstrap bootstrap, EventLoop loop, LoadSpec spec, RequestFactory requests, Window window) {
    this.loop = loop;
    this.address = spec.address();
    this.bootstrap =
        bootstrap
            .clone(loop)
            .handler(ResponseHandler.initializer(this, spec.requestTimeout().toNanos()));
    this.requests = requests;
    this.window = window;
  }

  /** Starts connecting. */
  void start() {
    loop.execute(this::connect);
  }

  private void connect() {
    if (window.isOver(System.nanoTime()) || loop.isShuttingDown()) {
      return;
    }
    bootstrap.connect(address).addListener((ChannelFuture f) -> onConnect(f));
  }

  private void onConnect(ChannelFuture future) {
    if (future.isSuccess()) {
      return;
    }
    count(future.cause(), System.nanoTime());
    if (!window.isOver(System.nanoTime()) && !loop.isShuttingDown()) {
      loop.schedule(this::connect, RECONNECT_DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /** Sends the first request on a new connection. */
  void onActive(Channel channel) {
    send(channel);
  }

  /** Notes the head of a response. */
  void onHead(HttpResponse head) {
    status = head.status().code();
    keepAlive = HttpUtil.isKeepAlive(head);
  }

  /**
   * Completes the request in flight and sends the next one, or closes when the run is over or the
   * server asked to; an interim (1xx) response leaves the request in flight.
   */
  void onEnd(Channel channel) {
    if (!inFlight || isInterim()) {
      return;
    }
    long now = System.nanoTime();
    inFlight = false;
    if (window.measures(sentNanos, now)) {
      record(now);
    }
    if (keepAlive && !window.isOver(now)) {
      send(channel);
    } else {
      channel.close();
    }
  }

  /** Counts a failure of the request in flight, if any, and closes its connection. */
  void onFailure(Channel channel, Throwable cause) {
    if (inFlight) {
      inFlight = false;
      count(cause, System.nanoTime());
    }
    channel.close();
  }

  /** Counts the loss of the request in flight, if any, and reconnects. */
  void onInactive() {
    if (inFlight) {
      inFlight = false;
      count(null, System.nanoTime());
    }
    connect();
  }

  /** Adds this slot's latencies to {@code into}. */
  void addLatenciesTo(Histogram into) {
    into.add(latenciesMicros);
  }

  /** Adds this slot's counts by status to {@code into}. */
  void addStatusesTo(Map<Integer, Long> into) {
    for (int code = 0; code < statuses.length; code++) {
      if (statuses[code] > 0) {
        into.merge(code, statuses[code], Long::sum);
      }
    }
  }

  long errors() {
    return errors;
  }

  long timeouts() {
    return timeouts;
  }

  private void send(Channel channel) {
    inFlight = true;
    status = -1;
    keepAlive = false;
    sentNanos = System.nanoTime();
    channel.writeAndFlush(requests.next(), channel.voidPromise());
  }

  private boolean isInterim() {
    return status >= 100 && status < 200;
  }

  private void record(long now) {
    if (status >= 0 && status < statuses.length) {
      latenciesMicros.recordValue((now - sentNanos) / 1000);
      statuses[status]++;
    } else {
      errors++;
    }
  }

  private void count(Throwable cause, long now) {
    if (!window.isMeasuring(now)) {
      return;
    }
    if (cause instanceof ReadTimeoutException || cause instanceof ConnectTimeoutException) {
      timeouts++;
    } else {
      errors++;
    }
  }
}
