package vn.bhyt.bench;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import java.nio.charset.StandardCharsets;

/**
 * A handler that answers a request with 200 {@code {"ok":true}} as JSON, or with 400 and a close
 * when the request could not be decoded.
 */
@Sharable
// A write's failure reaches the pipeline (void promise) or closes the connection: nothing waits.
@SuppressWarnings("FutureReturnValueIgnored")
final class OkHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  static final OkHandler INSTANCE = new OkHandler();

  private static final byte[] BODY = "{\"ok\":true}".getBytes(StandardCharsets.US_ASCII);

  private OkHandler() {}

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    boolean valid = request.decoderResult().isSuccess();
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            request.protocolVersion(),
            valid ? HttpResponseStatus.OK : HttpResponseStatus.BAD_REQUEST,
            valid ? Unpooled.wrappedBuffer(BODY) : Unpooled.EMPTY_BUFFER);
    if (valid) {
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
    }
    HttpUtil.setContentLength(response, response.content().readableBytes());
    boolean keepAlive = valid && HttpUtil.isKeepAlive(request);
    HttpUtil.setKeepAlive(response, keepAlive);
    if (keepAlive) {
      ctx.write(response, ctx.voidPromise());
    } else {
      ctx.write(response).addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    ctx.flush();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
