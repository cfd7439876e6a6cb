package org.smscampaign.link.redirect;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * Closes a connection that does not deliver a request's headers within the timeout,
 * counted from its opening or from the end of its previous request: a client sending its
 * headers a byte at a time, or keeping a connection idle, holds it no longer. A reader
 * idle timeout alone would be reset by every trickled byte. Like Netty's idle handlers,
 * one timer per connection checks a timestamp, so a request costs no timer of its own.
 */
final class HeaderDeadline extends ChannelInboundHandlerAdapter {

    private final long timeoutNanos;

    /** When the connection began waiting for headers; -1 while a request is in hand. */
    private long waitingSince = -1;

    private ScheduledFuture<?> check;

    HeaderDeadline(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            start(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        start(ctx);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            this.waitingSince = -1;
        }
        if (msg instanceof LastHttpContent) {
            this.waitingSince = System.nanoTime();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (this.check != null) {
            this.check.cancel(false);
            this.check = null;
        }
        ctx.fireChannelInactive();
    }

    private void start(ChannelHandlerContext ctx) {
        if (this.check == null) {
            this.waitingSince = System.nanoTime();
            schedule(ctx, this.timeoutNanos);
        }
    }

    private void schedule(ChannelHandlerContext ctx, long delayNanos) {
        this.check = ctx.executor().schedule(() -> check(ctx), delayNanos, TimeUnit.NANOSECONDS);
    }

    private void check(ChannelHandlerContext ctx) {
        if (!ctx.channel().isActive()) {
            return;
        }
        long remaining = (this.waitingSince < 0) ? this.timeoutNanos
                : this.waitingSince + this.timeoutNanos - System.nanoTime();
        if (remaining <= 0) {
            ctx.close();
        }
        else {
            schedule(ctx, remaining);
        }
    }

}
