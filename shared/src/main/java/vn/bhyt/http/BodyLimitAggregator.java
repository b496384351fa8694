package vn.bhyt.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import java.util.Map;
import vn.bhyt.problem.ProblemException;
import vn.bhyt.problem.ProblemType;

/**
 * Aggregates a request's body up to a limit and answers 413 beyond it, also to clients that ask
 * {@code Expect: 100-continue}: a problem document, or the failure answer of the request's path (an
 * OperationOutcome under {@code /fhir}).
 *
 * <p>Like Netty's own aggregator, it keeps a keep-alive connection open and discards the rest of an
 * oversized body, so that the client can read the answer.
 */
final class BodyLimitAggregator extends HttpObjectAggregator implements BodyCollector {
  private final int limit;
  private final FailureAnswers answers;

  BodyLimitAggregator(int limit, FailureAnswers answers) {
    super(limit);
    this.limit = limit;
    this.answers = answers;
  }

  @Override
  public int limit() {
    return limit;
  }

  @Override
  public boolean spools() {
    return false;
  }

  @Override
  protected Object newContinueResponse(
      HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
    Object answer = super.newContinueResponse(start, maxContentLength, pipeline);
    if (answer instanceof FullHttpResponse r && r.status().code() == 413) {
      r.release();
      return tooLarge(answers, limit, start);
    }
    return answer;
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    FullHttpResponse response = tooLarge(answers, limit, oversized);
    if (oversized instanceof FullHttpMessage
        || (!HttpUtil.is100ContinueExpected(oversized) && !HttpUtil.isKeepAlive(oversized))) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    } else {
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }
  }

  /**
   * The 413 for a body over the limit: a problem document, or the answer of the path's failure
   * renderer.
   */
  static FullHttpResponse tooLarge(FailureAnswers answers, long limit, HttpMessage start) {
    ProblemException problem =
        new ProblemException(
            ProblemType.BODY_TOO_LARGE, "the body is larger than the limit of " + limit + " bytes");
    if (start instanceof HttpRequest request) {
      return answers.render(problem, request);
    }
    String id = RequestIds.next();
    return FailureAnswers.toNetty(
        Problems.response(problem.type(), problem.detail(), Map.of(), id), id);
  }
}
