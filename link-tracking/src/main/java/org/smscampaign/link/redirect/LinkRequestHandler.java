package org.smscampaign.link.redirect;

import java.net.InetSocketAddress;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;

/**
 * One connection of the link server: turns each request into the redirector's answer.
 * Request bodies are ignored; a request Netty could not parse (too long, malformed) gets
 * 400 and the connection is closed. The request is never echoed.
 */
final class LinkRequestHandler extends SimpleChannelInboundHandler<HttpObject> {

    private static final AsciiString NO_STORE = AsciiString.cached("no-store");

    private static final AsciiString NOSNIFF = AsciiString.cached("nosniff");

    private static final AsciiString PAGE_POLICY = AsciiString.cached(Answer.PAGE_POLICY);

    private static final AsciiString X_CONTENT_TYPE_OPTIONS = AsciiString.cached("x-content-type-options");

    private static final AsciiString X_FORWARDED_FOR = AsciiString.cached("x-forwarded-for");

    private final Redirector redirector;

    private final boolean forwardedFor;

    LinkRequestHandler(Redirector redirector, boolean forwardedFor) {
        this.redirector = redirector;
        this.forwardedFor = forwardedFor;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, HttpObject message) {
        if (!(message instanceof HttpRequest request)) {
            return; // request content: nothing to read in a GET or HEAD
        }
        if (!request.decoderResult().isSuccess()) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.BAD_REQUEST);
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, HttpHeaderValues.ZERO);
            context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        String uri = request.uri();
        int query = uri.indexOf('?');
        String path = (query >= 0) ? uri.substring(0, query) : uri;
        Answer answer;
        if (path.equals("/robots.txt")) {
            answer = Answer.ROBOTS;
        }
        else {
            String code = path.startsWith(RedirectFilter.PREFIX) ? path.substring(RedirectFilter.PREFIX.length())
                    : path.substring(Math.min(1, path.length()));
            HttpHeaders headers = request.headers();
            answer = this.redirector.answer(request.method().name(), code, headers.get(HttpHeaderNames.USER_AGENT),
                    headers.get(HttpHeaderNames.REFERER), client(context, headers));
        }
        context.writeAndFlush(response(answer, request), context.voidPromise());
    }

    private static FullHttpResponse response(Answer answer, HttpRequest request) {
        boolean body = answer.body().length > 0 && !"HEAD".equals(request.method().name());
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()),
                body ? Unpooled.wrappedBuffer(answer.body()) : Unpooled.EMPTY_BUFFER);
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.CACHE_CONTROL, NO_STORE);
        if (answer.isRedirect()) {
            headers.set(HttpHeaderNames.LOCATION, answer.location());
        }
        if (answer.retryAfter() > 0) {
            headers.set(HttpHeaderNames.RETRY_AFTER, answer.retryAfter());
        }
        if (answer.allow() != null) {
            headers.set(HttpHeaderNames.ALLOW, answer.allow());
        }
        if (answer.contentType() != null) {
            headers.set(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
            headers.set(X_CONTENT_TYPE_OPTIONS, NOSNIFF);
            headers.set(HttpHeaderNames.CONTENT_SECURITY_POLICY, PAGE_POLICY);
        }
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
        HttpUtil.setKeepAlive(response, HttpUtil.isKeepAlive(request));
        return response;
    }

    /**
     * The client's address: the peer, or behind a trusted proxy the address the proxy
     * appended last to X-Forwarded-For.
     */
    private String client(ChannelHandlerContext context, HttpHeaders headers) {
        if (this.forwardedFor) {
            String forwarded = headers.get(X_FORWARDED_FOR);
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
            }
        }
        InetSocketAddress peer = (InetSocketAddress) context.channel().remoteAddress();
        return (peer != null) ? peer.getAddress().getHostAddress() : null;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        context.close(); // a reset connection or a broken client: nothing to answer
    }

}
