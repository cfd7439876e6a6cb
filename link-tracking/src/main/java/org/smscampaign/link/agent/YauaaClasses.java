package org.smscampaign.link.agent;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;
import nl.basjes.parse.useragent.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.link.AgentExplanation.Opinion;
import org.smscampaign.link.AgentVerdict;
import org.smscampaign.link.ClassificationSource;
import org.smscampaign.link.ClickReason;

/**
 * The Yauaa user-agent analyzer, asked only for the device and agent classes. Building it
 * takes seconds and over a hundred megabytes, so there is one per JVM (Spring test
 * contexts are many), built on a thread of its own as soon as anyone asks for it, never
 * on a request thread. It keeps no cache: verdicts are cached per agent by the
 * classifier. Its parse method is synchronized; only the click writer, the try-out and
 * reclassification call it, for agents not seen before.
 */
final class YauaaClasses {

    private static final Logger log = LoggerFactory.getLogger(YauaaClasses.class);

    /**
     * Robots, scanners, scripts (curl, python libraries) and test clients. Checked
     * against the corpora of benchmarks/click-classification: no browser there has one of
     * these. "Anonymized" is not among them: privacy tools alter people's agents too.
     */
    private static final Set<String> ROBOT_DEVICES = Set.of("Robot", "Robot Mobile", "Robot Imitator", "Hacker",
            "Cloud");

    private static final Set<String> ROBOT_AGENTS = Set.of("Robot", "Robot Mobile", "Special", "Testclient", "Hacker",
            "Cloud Application");

    /**
     * A mail application fetching the link: it draws a preview, no person followed it.
     */
    private static final String EMAIL_CLIENT = "Email Client";

    private static volatile CompletableFuture<UserAgentAnalyzer> analyzer;

    private static volatile Duration buildTime;

    private YauaaClasses() {
    }

    /** Starts building the analyzer in the background, once per JVM. */
    static CompletableFuture<UserAgentAnalyzer> startBuilding() {
        CompletableFuture<UserAgentAnalyzer> building = analyzer;
        if (building != null) {
            return building;
        }
        synchronized (YauaaClasses.class) {
            if (analyzer == null) {
                CompletableFuture<UserAgentAnalyzer> future = new CompletableFuture<>();
                Thread thread = new Thread(() -> build(future), "yauaa-build");
                thread.setDaemon(true);
                thread.setPriority(Thread.NORM_PRIORITY - 1);
                thread.start();
                analyzer = future;
            }
            return analyzer;
        }
    }

    private static void build(CompletableFuture<UserAgentAnalyzer> future) {
        long started = System.nanoTime();
        try {
            UserAgentAnalyzer built = UserAgentAnalyzer.newBuilder()
                .withFields(UserAgent.DEVICE_CLASS, UserAgent.AGENT_CLASS, UserAgent.AGENT_NAME)
                .withCache(0)
                .hideMatcherLoadStats()
                .immediateInitialization()
                .build();
            buildTime = Duration.ofNanos(System.nanoTime() - started);
            log.info("Yauaa {} ready for click classification after {} ms", Version.PROJECT_VERSION,
                    buildTime.toMillis());
            future.complete(built);
        }
        catch (RuntimeException | Error ex) {
            log.error("Yauaa could not be built: clicks are classified without it", ex);
            future.completeExceptionally(ex);
        }
    }

    /** Waits until the analyzer is built; false if it could not be within the time. */
    static boolean awaitReady(Duration timeout) {
        try {
            startBuilding().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
        catch (ExecutionException | TimeoutException ex) {
            return false;
        }
    }

    static Opinion judge(String agent) {
        UserAgentAnalyzer built;
        try {
            built = startBuilding().get();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while Yauaa was being built", ex);
        }
        catch (ExecutionException ex) {
            return new Opinion(AgentVerdict.Source.YAUAA, false, null, "unavailable: " + ex.getCause());
        }
        UserAgent parsed = built.parse(agent);
        String device = parsed.getValue(UserAgent.DEVICE_CLASS);
        String agentClass = parsed.getValue(UserAgent.AGENT_CLASS);
        String detail = "DeviceClass " + device + ", AgentClass " + agentClass + ", AgentName "
                + parsed.getValue(UserAgent.AGENT_NAME);
        if (ROBOT_DEVICES.contains(device) || ROBOT_AGENTS.contains(agentClass)) {
            return new Opinion(AgentVerdict.Source.YAUAA, true, ClickReason.BOT, detail);
        }
        if (EMAIL_CLIENT.equals(agentClass)) {
            return new Opinion(AgentVerdict.Source.YAUAA, true, ClickReason.PREVIEW, detail);
        }
        return new Opinion(AgentVerdict.Source.YAUAA, false, null, detail);
    }

    static ClassificationSource describe() {
        Duration built = buildTime;
        String date = (Version.BUILD_TIME_STAMP.length() >= 10) ? Version.BUILD_TIME_STAMP.substring(0, 10)
                : Version.BUILD_TIME_STAMP;
        return new ClassificationSource(AgentVerdict.Source.YAUAA,
                "Yauaa user-agent analyzer (nl.basjes.parse.useragent:yauaa), device and agent classes",
                Version.PROJECT_VERSION, date, 0, "a Maven dependency that Dependabot keeps current; "
                        + ((built != null) ? "built in " + built.toMillis() + " ms at start" : "being built"));
    }

}
