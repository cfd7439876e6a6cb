package org.smscampaign.link.redirect;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

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
 * One connection of the link server: turns each request into the redirector's answer, on
 * the connection's event loop, which never waits for the database. Request bodies are
 * ignored; a request Netty could not parse (too long, malformed) gets 400 and the
 * connection is closed. The request is never echoed.
 */
final class LinkRequestHandler extends SimpleChannelInboundHandler<HttpObject> {

    private static final AsciiString NO_STORE = AsciiString.cached("no-store");

    private static final AsciiString NOSNIFF = AsciiString.cached("nosniff");

    private static final AsciiString PAGE_POLICY = AsciiString.cached(Answer.PAGE_POLICY);

    private static final AsciiString X_CONTENT_TYPE_OPTIONS = AsciiString.cached("x-content-type-options");

    private static final AsciiString X_FORWARDED_FOR = AsciiString.cached("x-forwarded-for");

    private final Redirector redirector;

    private final boolean forwardedFor;

    /** Whether a request of this connection waits for its link to be read. */
    private boolean answering;

    /** Requests that arrived meanwhile (pipelined), answered in turn afterwards. */
    private final Deque<HttpRequest> waiting = new ArrayDeque<>();

    LinkRequestHandler(Redirector redirector, boolean forwardedFor) {
        this.redirector = redirector;
        this.forwardedFor = forwardedFor;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, HttpObject message) {
        if (!(message instanceof HttpRequest request)) {
            return; // request content: nothing to read in a GET or HEAD
        }
        if (this.answering) {
            this.waiting.add(request); // pipelined behind a request still being answered
            return;
        }
        handle(context, request);
    }

    private void handle(ChannelHandlerContext context, HttpRequest request) {
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
        if (path.equals("/robots.txt")) {
            context.writeAndFlush(response(Answer.ROBOTS, request), context.voidPromise());
            return;
        }
        String code = path.startsWith(RedirectFilter.PREFIX) ? path.substring(RedirectFilter.PREFIX.length())
                : path.substring(Math.min(1, path.length()));
        HttpHeaders headers = request.headers();
        CompletableFuture<Answer> answer = this.redirector.answer(request.method().name(), code,
                headers.get(HttpHeaderNames.USER_AGENT), headers.get(HttpHeaderNames.REFERER),
                client(context, headers));
        if (answer.isDone()) {
            context.writeAndFlush(response(answer.join(), request), context.voidPromise());
            return;
        }
        // The link is being read: the connection reads nothing more meanwhile, and
        // answers
        // leave in the order of their requests.
        this.answering = true;
        context.channel().config().setAutoRead(false);
        answer.thenAccept((ready) -> context.executor().execute(() -> {
            context.writeAndFlush(response(ready, request), context.voidPromise());
            this.answering = false;
            while (!this.answering && !this.waiting.isEmpty()) {
                handle(context, this.waiting.poll());
            }
            if (!this.answering) {
                context.channel().config().setAutoRead(true);
            }
        }));
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
