package vn.bhyt.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import vn.bhyt.http.EventLoops;

/**
 * A minimal Netty HTTP/1.1 server on loopback that answers every well-formed request with 200
 * {@code {"ok":true}} over keep-alive: the baseline a real endpoint is compared with.
 */
// Shutting down after a failed bind: the failure is what is thrown, nothing waits on the loops.
@SuppressWarnings("FutureReturnValueIgnored")
public final class BareEndpoint implements AutoCloseable {

  private static final int MAX_CONTENT_LENGTH = 1 << 20;

  private final EventLoopGroup group;
  private final Channel serverChannel;

  private BareEndpoint(EventLoopGroup group, Channel serverChannel) {
    this.group = group;
    this.serverChannel = serverChannel;
  }

  /** Starts an endpoint with one event-loop thread on {@code port}, 0 for any free port. */
  public static BareEndpoint start(int port) throws InterruptedException {
    return start(port, 1);
  }

  /** Starts an endpoint with {@code threads} event-loop threads on {@code port}, 0 for any. */
  public static BareEndpoint start(int port, int threads) throws InterruptedException {
    return start(port, threads, Duration.ZERO);
  }

  /**
   * Starts an endpoint whose {@code threads} event loops poll for {@code busyPoll} before they
   * sleep, as the gateway's do ({@link EventLoops}).
   */
  public static BareEndpoint start(int port, int threads, Duration busyPoll)
      throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port: " + port + " (expected: 0-65535)");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads: " + threads + " (expected: >= 1)");
    }
    EventLoopGroup group =
        new MultiThreadIoEventLoopGroup(
            threads,
            new DefaultThreadFactory("bare-endpoint", true),
            new EventLoops(threads, busyPoll).ioHandlers());
    try {
      return new BareEndpoint(group, bind(group, port));
    } catch (InterruptedException | RuntimeException e) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw e;
    }
  }

  private static Channel bind(EventLoopGroup group, int port) throws InterruptedException {
    return new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 1024)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(
            new ChannelInitializer<>() {
              @Override
              protected void initChannel(Channel channel) {
                channel
                    .pipeline()
                    .addLast(new HttpServerCodec())
                    .addLast(new HttpObjectAggregator(MAX_CONTENT_LENGTH))
                    .addLast(OkHandler.INSTANCE);
              }
            })
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
        .sync()
        .channel();
  }

  /** Returns the bound port. */
  public int port() {
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  /** Returns {@code http://127.0.0.1:PORT} followed by {@code path}. */
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  /** Closes the listening socket and every connection, waiting up to a few seconds. */
  @Override
  public void close() {
    serverChannel.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
