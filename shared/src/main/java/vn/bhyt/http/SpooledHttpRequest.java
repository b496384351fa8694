package vn.bhyt.http;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * A request whose body is in a {@link BodyFile} rather than in its content, which is empty. The
 * file may still be being written: {@link BodyFile#finished()} says when it is whole.
 */
final class SpooledHttpRequest extends DefaultFullHttpRequest {
  private final BodyFile body;

  SpooledHttpRequest(HttpRequest head, LastHttpContent last, BodyFile body) {
    super(
        head.protocolVersion(),
        head.method(),
        head.uri(),
        Unpooled.EMPTY_BUFFER,
        head.headers(),
        last.trailingHeaders());
    this.body = body;
  }

  BodyFile body() {
    return body;
  }
}
