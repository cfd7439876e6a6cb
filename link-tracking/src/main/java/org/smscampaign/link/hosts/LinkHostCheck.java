package org.smscampaign.link.hosts;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Whether recipients' phones can reach a brand's link host: not loopback, private,
 * link-local, single-label or internal by name, and resolving in DNS to public addresses
 * only. Asked before a launch, never on the redirect path (it may wait for DNS).
 */
public final class LinkHostCheck {

    /** What stands between a phone and the host. */
    public enum Reach {

        /** A public host that resolves. */
        PUBLIC,
        /** This computer only: localhost, 127/8, ::1. */
        LOOPBACK,
        /** Inside a network: private, link-local, reserved addresses, internal names. */
        INTERNAL,
        /** A name without a domain. */
        SINGLE_LABEL,
        /** A name DNS does not know (or did not answer for in time). */
        UNRESOLVED

    }

    /** The reach and, unless public, the address or name that decided it. */
    public record Finding(Reach reach, String detail) {

    }

    /** Lookups that may block, away from the common pool. */
    private static final java.util.concurrent.ExecutorService LOOKUPS = java.util.concurrent.Executors
        .newCachedThreadPool((task) -> {
            Thread thread = new Thread(task, "link-host-dns");
            thread.setDaemon(true);
            return thread;
        });

    private final TargetHosts hosts;

    private final Function<String, InetAddress[]> resolver;

    private final Duration timeout;

    /**
     * @param hosts the platform's classification, with the hosts admins allowed
     * @param resolver DNS (InetAddress::getAllByName; a failure is an unresolved name)
     * @param timeout how long DNS may take
     */
    public LinkHostCheck(TargetHosts hosts, Function<String, InetAddress[]> resolver, Duration timeout) {
        this.hosts = hosts;
        this.resolver = resolver;
        this.timeout = timeout;
    }

    /** DNS of this machine, as the JDK resolves (and caches) it. */
    public static InetAddress[] dns(String host) {
        try {
            return InetAddress.getAllByName(host);
        }
        catch (UnknownHostException ex) {
            return new InetAddress[0];
        }
    }

    public Finding check(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (this.hosts.allowed(name)) {
            return new Finding(Reach.PUBLIC, null);
        }
        if (this.hosts.refusal(name).isPresent()) {
            if (name.equals("localhost") || name.endsWith(".localhost") || loopbackLiteral(name)) {
                return new Finding(Reach.LOOPBACK, host);
            }
            boolean literal = name.startsWith("[") || Ipv4Hosts.endsInNumber(name);
            return new Finding((!literal && name.indexOf('.') < 0) ? Reach.SINGLE_LABEL : Reach.INTERNAL, host);
        }
        if (name.startsWith("[") || Ipv4Hosts.endsInNumber(name)) {
            return new Finding(Reach.PUBLIC, null); // a public address literal
        }
        InetAddress[] addresses = resolve(name);
        if (addresses.length == 0) {
            return new Finding(Reach.UNRESOLVED, host);
        }
        for (InetAddress address : addresses) {
            if (TargetHosts.internal(address)) {
                return new Finding(address.isLoopbackAddress() ? Reach.LOOPBACK : Reach.INTERNAL,
                        host + " (" + address.getHostAddress() + ")");
            }
        }
        return new Finding(Reach.PUBLIC, null);
    }

    private boolean loopbackLiteral(String name) {
        long ipv4 = Ipv4Hosts.endsInNumber(name) ? Ipv4Hosts.parse(name) : -1;
        return (ipv4 >>> 24) == 127 || name.equals("[::1]");
    }

    private InetAddress[] resolve(String name) {
        CompletableFuture<InetAddress[]> lookup = CompletableFuture.supplyAsync(() -> this.resolver.apply(name),
                LOOKUPS);
        try {
            return lookup.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException | ExecutionException ex) {
            lookup.cancel(true);
            return new InetAddress[0];
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new InetAddress[0];
        }
    }

}
