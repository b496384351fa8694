package vn.bhyt.bench;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.function.Supplier;

/** A maker of the requests of one {@link LoadSpec}, each with the next body of its supplier. */
final class RequestFactory {

  private final HttpMethod method;
  private final LoadSpec spec;
  private final HttpHeaders headers;
  private final Supplier<byte[]> body;
  private final boolean alwaysLength;

  RequestFactory(LoadSpec spec) {
    this.method = HttpMethod.valueOf(spec.method());
    this.spec = spec;
    this.headers = new DefaultHttpHeaders();
    headers.set(HttpHeaderNames.HOST, spec.hostHeader());
    spec.headers().forEach(headers::set);
    this.body = spec.body();
    this.alwaysLength = !HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method);
  }

  /** Returns a new request with the next body. */
  FullHttpRequest next() {
    byte[] bytes = body.get();
    FullHttpRequest request =
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1,
            method,
            spec.target(),
            bytes.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes));
    request.headers().set(headers);
    if (alwaysLength || bytes.length > 0) {
      HttpUtil.setContentLength(request, bytes.length);
    }
    return request;
  }
}
