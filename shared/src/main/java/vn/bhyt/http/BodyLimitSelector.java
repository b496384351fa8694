package vn.bhyt.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.concurrent.EventExecutorGroup;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Puts the body limit and handling of each request's path in force: at the start of a request whose
 * limit or handling (in memory or spooled to a file) differs from the connection's body handler, it
 * replaces that handler by a {@link BodyLimitAggregator} or a {@link BodySpooler}.
 *
 * <p>The replaced handler is idle then: the previous request's body has passed it whole, since a
 * connection's messages arrive in order.
 */
@ChannelHandler.Sharable
final class BodyLimitSelector extends ChannelInboundHandlerAdapter {
  static final String AGGREGATOR = "aggregator";

  private final BodyLimits limits;
  private final FailureAnswers answers;
  private final @Nullable Spooling spooling;

  /** Where spooled bodies go and the threads that write them. */
  record Spooling(Path directory, EventExecutorGroup writers) {}

  BodyLimitSelector(BodyLimits limits, FailureAnswers answers) {
    this(limits, answers, null);
  }

  BodyLimitSelector(BodyLimits limits, FailureAnswers answers, @Nullable Spooling spooling) {
    this.limits = limits;
    this.answers = answers;
    this.spooling = spooling;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest request) {
      int limit = limits.forTarget(request.uri());
      Spooling spool = limits.spools(request.uri()) ? spooling : null;
      ChannelHandler current = ctx.pipeline().get(AGGREGATOR);
      if (current instanceof BodyCollector collector
          && (collector.limit() != limit || collector.spools() != (spool != null))) {
        ChannelHandler replacement =
            spool == null
                ? new BodyLimitAggregator(limit, answers)
                : new BodySpooler(limit, answers, spool.directory(), spool.writers());
        ctx.pipeline().replace(AGGREGATOR, AGGREGATOR, replacement);
      }
    }
    ctx.fireChannelRead(msg);
  }
}
