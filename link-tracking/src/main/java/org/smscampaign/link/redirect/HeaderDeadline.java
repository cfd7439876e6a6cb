package org.smscampaign.link.redirect;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * Closes a connection that does not deliver a request's headers within the timeout,
 * counted from its opening or from the end of its previous request: a client sending its
 * headers a byte at a time, or keeping a connection idle, holds it no longer. A reader
 * idle timeout alone would be reset by every trickled byte.
 */
final class HeaderDeadline extends ChannelInboundHandlerAdapter {

    private final long timeoutNanos;

    private ScheduledFuture<?> deadline;

    HeaderDeadline(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            arm(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        arm(ctx);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            cancel();
        }
        if (msg instanceof LastHttpContent) {
            arm(ctx);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    private void arm(ChannelHandlerContext ctx) {
        cancel();
        this.deadline = ctx.executor().schedule(() -> {
            ctx.close();
        }, this.timeoutNanos, TimeUnit.NANOSECONDS);
    }

    private void cancel() {
        if (this.deadline != null) {
            this.deadline.cancel(false);
            this.deadline = null;
        }
    }

}
