package vn.bhyt.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bhyt.auth.Authenticator;

/** The gateway's Netty HTTP/1.1 server. */
public final class HttpServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final Channel channel;

  private HttpServer(EventLoopGroup boss, EventLoopGroup workers, Channel channel) {
    this.boss = boss;
    this.workers = workers;
    this.channel = channel;
  }

  /**
   * Binds the server with one body limit for every path and logs {@code listening on port N}.
   *
   * @param port the port, or 0 for any free one
   */
  public static HttpServer start(
      String bind,
      int port,
      int maxBodyBytes,
      Router router,
      Authenticator auth,
      MeterRegistry metrics)
      throws InterruptedException {
    return start(
        bind, port, EventLoops.PER_PROCESSOR, BodyLimits.of(maxBodyBytes), router, auth, metrics);
  }

  /**
   * Binds the server and logs {@code listening on port N}.
   *
   * @param port the port, or 0 for any free one
   * @param loops the event loops that read and answer requests
   * @param bodyLimits the largest body accepted on each path; larger gets 413
   */
  // When binding fails the loops are shut down without waiting: the failure is what is thrown.
  @SuppressWarnings("FutureReturnValueIgnored")
  public static HttpServer start(
      String bind,
      int port,
      EventLoops loops,
      BodyLimits bodyLimits,
      Router router,
      Authenticator auth,
      MeterRegistry metrics)
      throws InterruptedException {
    EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    EventLoopGroup workers =
        new MultiThreadIoEventLoopGroup(
            loops.threads(), new DefaultThreadFactory("http-loop"), loops.ioHandlers());
    DispatchHandler dispatch = new DispatchHandler(router, auth, new HttpMetrics(metrics));
    FailureAnswers answers = new FailureAnswers(router);
    BodyLimitSelector selector =
        bodyLimits.byPrefix().isEmpty() ? null : new BodyLimitSelector(bodyLimits, answers);
    try {
      Channel channel =
          new ServerBootstrap()
              .group(boss, workers)
              .channel(NioServerSocketChannel.class)
              .option(ChannelOption.SO_BACKLOG, 1024)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                      ch.pipeline()
                          .addLast("codec", new HttpServerCodec(HeadLimits.decoderConfig()));
                      if (selector != null) {
                        ch.pipeline().addLast("limits", selector);
                      }
                      ch.pipeline()
                          .addLast(
                              BodyLimitSelector.AGGREGATOR,
                              new BodyLimitAggregator(bodyLimits.defaultBytes(), answers))
                          .addLast("dispatch", dispatch);
                    }
                  })
              .bind(bind, port)
              .sync()
              .channel();
      HttpServer server = new HttpServer(boss, workers, channel);
      log.info("listening on port {}", server.port());
      return server;
    } catch (RuntimeException | InterruptedException e) {
      boss.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      throw e;
    }
  }

  /** The port the server listens on. */
  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  @Override
  public void close() {
    channel.close().awaitUninterruptibly();
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
  }
}
