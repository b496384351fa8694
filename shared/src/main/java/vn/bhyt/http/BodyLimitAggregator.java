package vn.bhyt.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Map;
import vn.bhyt.problem.ProblemType;

/**
 * Aggregates a request's body up to a limit and answers 413 with a problem document beyond it, also
 * to clients that ask {@code Expect: 100-continue}.
 *
 * <p>Like Netty's own aggregator, it keeps a keep-alive connection open and discards the rest of an
 * oversized body, so that the client can read the answer.
 */
final class BodyLimitAggregator extends HttpObjectAggregator {
  private final int limit;

  BodyLimitAggregator(int limit) {
    super(limit);
    this.limit = limit;
  }

  /** The largest body this aggregator accepts, in bytes. */
  int limit() {
    return limit;
  }

  @Override
  protected Object newContinueResponse(
      HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
    Object answer = super.newContinueResponse(start, maxContentLength, pipeline);
    if (answer instanceof FullHttpResponse r && r.status().code() == 413) {
      r.release();
      return tooLarge();
    }
    return answer;
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    FullHttpResponse response = tooLarge();
    if (oversized instanceof FullHttpMessage
        || (!HttpUtil.is100ContinueExpected(oversized) && !HttpUtil.isKeepAlive(oversized))) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    } else {
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }
  }

  private FullHttpResponse tooLarge() {
    String id = RequestIds.next();
    Response problem =
        Problems.response(
            ProblemType.BODY_TOO_LARGE,
            "the body is larger than the limit of " + limit + " bytes",
            Map.of(),
            id);
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
            Unpooled.wrappedBuffer(problem.body()));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, problem.contentType());
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, problem.body().length);
    response.headers().set("X-Request-Id", id);
    return response;
  }
}
