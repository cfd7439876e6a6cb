package org.smscampaign.link.redirect;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.link.LinkProperties;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The redirector's own listener, for the traffic of link hosts: a lean HTTP server
 * (Netty) on its own port and threads, beside the application's servlet container. Public
 * link traffic then never competes with the pages for threads, and a redirect costs a
 * fraction of a servlet request. Point the link hosts' DNS (or the proxy in front) at
 * this port. It answers {@code /{code}}, {@code /r/{code}} and {@code /robots.txt};
 * nothing else.
 */
@Component
class LinkServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LinkServer.class);

    /** Longest request line and header block accepted; longer requests get 400. */
    private static final int MAX_LINE = 4096;

    private static final int MAX_HEADERS = 8192;

    private final Redirector redirector;

    private final LinkProperties.Server settings;

    private EventLoopGroup acceptor;

    private EventLoopGroup workers;

    private Channel channel;

    private volatile int port = -1;

    LinkServer(Redirector redirector, LinkProperties properties) {
        this.redirector = redirector;
        this.settings = properties.server();
    }

    @Override
    public void start() {
        if (this.settings.port() < 0) {
            return;
        }
        this.acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("link-server-accept", true),
                NioIoHandler.newFactory());
        int threads = (this.settings.threads() > 0) ? this.settings.threads()
                : Runtime.getRuntime().availableProcessors();
        this.workers = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("link-server", true),
                NioIoHandler.newFactory());
        boolean forwardedFor = this.settings.forwardedFor();
        Duration headerTimeout = this.settings.headerTimeout();
        ServerBootstrap bootstrap = new ServerBootstrap().group(this.acceptor, this.workers)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel channel) {
                    channel.pipeline().addLast(new HttpServerCodec(MAX_LINE, MAX_HEADERS, MAX_LINE));
                    if (!headerTimeout.isZero() && !headerTimeout.isNegative()) {
                        channel.pipeline().addLast(new HeaderDeadline(headerTimeout));
                    }
                    channel.pipeline()
                        .addLast(new HttpServerKeepAliveHandler())
                        .addLast(new LinkRequestHandler(LinkServer.this.redirector, forwardedFor));
                }
            });
        this.channel = bootstrap.bind(this.settings.address(), this.settings.port()).syncUninterruptibly().channel();
        this.port = ((InetSocketAddress) this.channel.localAddress()).getPort();
        log.info("Link server (redirects of link hosts) listening on {}:{}", this.settings.address(), this.port);
    }

    /**
     * Stops taking hits before the click writer drains its buffer (which stops later).
     */
    @Override
    public void stop() {
        if (this.channel == null) {
            return;
        }
        this.channel.close().syncUninterruptibly();
        this.acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        this.workers.shutdownGracefully(100, 5000, TimeUnit.MILLISECONDS).syncUninterruptibly();
        this.channel = null;
        this.port = -1;
    }

    @Override
    public boolean isRunning() {
        return this.channel != null;
    }

    /** The port it listens on, or -1 when it does not run. */
    int port() {
        return this.port;
    }

}
