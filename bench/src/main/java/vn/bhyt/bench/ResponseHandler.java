package vn.bhyt.bench;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.util.concurrent.TimeUnit;

/**
 * The last handler of a load connection: it hands response events to its {@link ConnectionLoop}.
 */
final class ResponseHandler extends SimpleChannelInboundHandler<HttpObject> {

  private final ConnectionLoop slot;

  private ResponseHandler(ConnectionLoop slot) {
    this.slot = slot;
  }

  /** Returns the initializer of one connection of {@code slot}. */
  static ChannelInitializer<Channel> initializer(ConnectionLoop slot, long timeoutNanos) {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(Channel channel) {
        channel
            .pipeline()
            .addLast(new ReadTimeoutHandler(timeoutNanos, TimeUnit.NANOSECONDS))
            .addLast(new HttpClientCodec())
            .addLast(new ResponseHandler(slot));
      }
    };
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    slot.onActive(ctx.channel());
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
    if (msg.decoderResult().isFailure()) {
      slot.onFailure(ctx.channel(), msg.decoderResult().cause());
      return;
    }
    if (msg instanceof HttpResponse head) {
      slot.onHead(head);
    }
    if (msg instanceof LastHttpContent) {
      slot.onEnd(ctx.channel());
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    slot.onFailure(ctx.channel(), cause);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    slot.onInactive();
  }
}
