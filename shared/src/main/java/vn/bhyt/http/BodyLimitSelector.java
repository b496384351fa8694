package vn.bhyt.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Puts the body limit of each request's path in force: at the start of a request whose limit
 * differs from the aggregator's, it replaces the connection's aggregator by one with that limit.
 *
 * <p>The replaced aggregator is idle then: the previous request's body has passed it whole, since a
 * connection's messages arrive in order.
 */
@ChannelHandler.Sharable
final class BodyLimitSelector extends ChannelInboundHandlerAdapter {
  static final String AGGREGATOR = "aggregator";

  private final BodyLimits limits;
  private final FailureAnswers answers;

  BodyLimitSelector(BodyLimits limits, FailureAnswers answers) {
    this.limits = limits;
    this.answers = answers;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest request) {
      int limit = limits.forTarget(request.uri());
      ChannelHandler current = ctx.pipeline().get(AGGREGATOR);
      if (current instanceof BodyLimitAggregator aggregator && aggregator.limit() != limit) {
        ctx.pipeline().replace(AGGREGATOR, AGGREGATOR, new BodyLimitAggregator(limit, answers));
      }
    }
    ctx.fireChannelRead(msg);
  }
}
