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
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutorGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bhyt.auth.Authenticator;

/** The gateway's Netty HTTP/1.1 server. */
public final class HttpServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

  /** Threads that write spooled request bodies to their files. */
  private static final int SPOOL_WRITERS = 2;

  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final @Nullable EventExecutorGroup spoolWriters;
  private final Channel channel;

  private HttpServer(
      EventLoopGroup boss,
      EventLoopGroup workers,
      @Nullable EventExecutorGroup spoolWriters,
      Channel channel) {
    this.boss = boss;
    this.workers = workers;
    this.spoolWriters = spoolWriters;
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
   * @param bodyLimits the largest body accepted on each path (larger gets 413), and the paths whose
   *     bodies are spooled to files; a spool directory that is missing is created, owner-only
   * @throws UncheckedIOException when the spool directory cannot be created
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
    BodyLimitSelector.Spooling spooling = spooling(bodyLimits);
    EventExecutorGroup spoolWriters = spooling == null ? null : spooling.writers();
    BodyLimitSelector selector =
        bodyLimits.varies() ? new BodyLimitSelector(bodyLimits, answers, spooling) : null;
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
      HttpServer server = new HttpServer(boss, workers, spoolWriters, channel);
      log.info("listening on port {}", server.port());
      return server;
    } catch (RuntimeException | InterruptedException e) {
      boss.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      if (spoolWriters != null) {
        spoolWriters.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      }
      throw e;
    }
  }

  /** The directory and writers of spooled bodies, or null when no path spools its body. */
  private static BodyLimitSelector.@Nullable Spooling spooling(BodyLimits limits) {
    if (limits.spooled().isEmpty()) {
      return null;
    }
    Path given = limits.spoolDirectory();
    Path directory = given == null ? Path.of(System.getProperty("java.io.tmpdir")) : given;
    try {
      BodyFile.prepare(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("spool directory " + directory + " cannot be created", e);
    }
    return new BodyLimitSelector.Spooling(
        directory,
        new DefaultEventExecutorGroup(SPOOL_WRITERS, new DefaultThreadFactory("http-spool", true)));
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
    if (spoolWriters != null) {
      spoolWriters.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
  }
}
