package vn.bhyt.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResultProvider;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.EventExecutorGroup;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Takes request bodies up to a limit into temporary files ({@link BodyFile}) instead of memory, and
 * passes each request on as a {@link SpooledHttpRequest} once its last chunk has arrived; the
 * dispatcher waits for the file to be whole before the route reads it, and deletes it once the
 * answer is written. A request without a body passes on as an ordinary empty request, no file made.
 *
 * <p>Beyond the limit it answers 413 as {@link BodyLimitAggregator} does: at once when the {@code
 * Content-Length} or an {@code Expect: 100-continue} says so, keeping a keep-alive connection and
 * discarding the body; and when the chunks received pass the limit, closing the connection after
 * the answer. The file of a body cut short (too large, or the connection gone) is deleted.
 */
final class BodySpooler extends ChannelInboundHandlerAdapter implements BodyCollector {
  private final int limit;
  private final FailureAnswers answers;
  private final Path directory;
  private final EventExecutorGroup writers;

  private @Nullable HttpRequest head;
  private @Nullable BodyFile file;
  private long received;
  private boolean discarding;

  BodySpooler(int limit, FailureAnswers answers, Path directory, EventExecutorGroup writers) {
    this.limit = limit;
    this.answers = answers;
    this.directory = directory;
    this.writers = writers;
  }

  @Override
  public int limit() {
    return limit;
  }

  @Override
  public boolean spools() {
    return true;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof FullHttpRequest) {
      ctx.fireChannelRead(msg);
    } else if (msg instanceof HttpRequest start) {
      start(ctx, start);
    } else if (msg instanceof HttpContent content) {
      try {
        content(ctx, content);
      } finally {
        content.release();
      }
    } else {
      ctx.fireChannelRead(msg);
    }
  }

  private void start(ChannelHandlerContext ctx, HttpRequest start) {
    abandon();
    received = 0;
    discarding = true;
    if (start.decoderResult().isFailure()) {
      ctx.fireChannelRead(empty(start, LastHttpContent.EMPTY_LAST_CONTENT, start));
      return;
    }
    if (unsupportedExpectation(start)) {
      FullHttpResponse failed =
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1, HttpResponseStatus.EXPECTATION_FAILED, Unpooled.EMPTY_BUFFER);
      failed.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
      ctx.writeAndFlush(failed).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
      return;
    }
    long length = HttpUtil.getContentLength(start, -1L);
    if (HttpUtil.is100ContinueExpected(start)) {
      if (length > limit) {
        FullHttpResponse tooLarge = BodyLimitAggregator.tooLarge(answers, limit, start);
        ctx.writeAndFlush(tooLarge).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        return;
      }
      FullHttpResponse proceed =
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER);
      ctx.writeAndFlush(proceed).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
      start.headers().remove(HttpHeaderNames.EXPECT);
    } else if (length > limit) {
      FullHttpResponse tooLarge = BodyLimitAggregator.tooLarge(answers, limit, start);
      if (HttpUtil.isKeepAlive(start)) {
        ctx.writeAndFlush(tooLarge).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
      } else {
        tooLarge.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(tooLarge).addListener(ChannelFutureListener.CLOSE);
      }
      return;
    }
    discarding = false;
    head = start;
  }

  private void content(ChannelHandlerContext ctx, HttpContent content) {
    boolean last = content instanceof LastHttpContent;
    HttpRequest start = head;
    if (discarding || start == null) {
      discarding = !last;
      return;
    }
    if (content.decoderResult().isFailure()) {
      abandon();
      discarding = !last;
      ctx.fireChannelRead(empty(start, LastHttpContent.EMPTY_LAST_CONTENT, content));
      return;
    }
    int n = content.content().readableBytes();
    received += n;
    if (received > limit) {
      abandon();
      discarding = !last;
      FullHttpResponse tooLarge = BodyLimitAggregator.tooLarge(answers, limit, start);
      tooLarge.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(tooLarge).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    BodyFile body = file;
    if (n > 0) {
      if (body == null) {
        body = BodyFile.open(directory, writers.next(), ctx.channel());
        file = body;
      }
      body.write(content.content().retainedSlice());
    }
    if (last) {
      head = null;
      file = null;
      LastHttpContent end = (LastHttpContent) content;
      if (body == null) {
        ctx.fireChannelRead(empty(start, end, start));
      } else {
        body.finish();
        ctx.fireChannelRead(new SpooledHttpRequest(start, end, body));
      }
    }
  }

  /** Whether the request expects what no server gives: any expectation but {@code 100-continue}. */
  private static boolean unsupportedExpectation(HttpRequest start) {
    String expect = start.headers().get(HttpHeaderNames.EXPECT);
    return expect != null
        && start.protocolVersion().compareTo(HttpVersion.HTTP_1_1) >= 0
        && !HttpHeaderValues.CONTINUE.contentEqualsIgnoreCase(expect);
  }

  /** The request without a body, with the decoder result of {@code decoded}. */
  private static FullHttpRequest empty(
      HttpRequest start, LastHttpContent end, DecoderResultProvider decoded) {
    DefaultFullHttpRequest full =
        new DefaultFullHttpRequest(
            start.protocolVersion(),
            start.method(),
            start.uri(),
            Unpooled.EMPTY_BUFFER,
            start.headers(),
            end.trailingHeaders());
    full.setDecoderResult(decoded.decoderResult());
    return full;
  }

  /** Deletes the file of a body not passed on; nothing to do between requests. */
  private void abandon() {
    BodyFile body = file;
    file = null;
    head = null;
    if (body != null) {
      body.delete();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    abandon();
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    abandon();
  }
}
