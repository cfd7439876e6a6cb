package org.smscampaign.campaign.launch;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignProperties;
import org.smscampaign.campaign.CampaignStatus;
import org.smscampaign.campaign.CampaignView;
import org.smscampaign.campaign.cascade.CascadePlan;
import org.smscampaign.campaign.coupon.CouponChecks;
import org.smscampaign.campaign.coupon.CouponStore;
import org.smscampaign.campaign.coupon.CouponsExhausted;
import org.smscampaign.campaign.store.CampaignStore;
import org.smscampaign.campaign.template.MergeFields;
import org.smscampaign.campaign.template.MessageTemplate;
import org.smscampaign.campaign.window.RecipientWindows;
import org.smscampaign.contact.ContactCriteria;
import org.smscampaign.contact.ContactQueries;
import org.smscampaign.link.BrandView;
import org.smscampaign.link.LinkProblem;
import org.smscampaign.link.MintedLink;
import org.smscampaign.link.RecipientLinkRequest;
import org.smscampaign.link.ShortLinks;
import org.smscampaign.messaging.Attribution;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.messaging.MessageRequest;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.OptOuts;
import org.smscampaign.messaging.SmsText;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a launched campaign's messages in the background, in batches: the audience is
 * streamed in contact order; each batch decides every recipient's fate, mints their short
 * links, renders their texts and enqueues the messages in one transaction, with the
 * cursor of the last contact written, so a launch interrupted by a crash resumes where it
 * stopped and never writes a recipient twice. Reading and rendering overlap with writing.
 */
@Component
public class LaunchRunner {

    private static final Logger log = LoggerFactory.getLogger(LaunchRunner.class);

    private final CampaignStore store;

    private final ContactQueries contacts;

    private final AudienceCriteria audiences;

    private final PreflightRunner preflight;

    private final RecipientWindows windows;

    private final ShortLinks links;

    private final MessageGateway gateway;

    private final OptOuts optOuts;

    private final CampaignProperties properties;

    private final MessagingProperties messaging;

    private final TransactionTemplate transactions;

    private final JdbcClient jdbc;

    private final Clock clock;

    private final CascadeMessages cascades;

    private final CouponStore coupons;

    /** One launch at a time; one waiting per campaign at most (busy), 1,000 in all. */
    private final ThreadPoolExecutor launches = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1_000), (task) -> {
                Thread thread = new Thread(task, "campaign-launch");
                thread.setDaemon(true);
                return thread;
            });

    LaunchRunner(CampaignStore store, ContactQueries contacts, AudienceCriteria audiences, PreflightRunner preflight,
            RecipientWindows windows, ShortLinks links, MessageGateway gateway, OptOuts optOuts,
            CampaignProperties properties, MessagingProperties messaging, TransactionTemplate transactions,
            JdbcClient jdbc, Clock clock, CascadeMessages cascades, CouponStore coupons, MeterRegistry meters) {
        this.cascades = cascades;
        this.coupons = coupons;
        this.store = store;
        this.contacts = contacts;
        this.audiences = audiences;
        this.preflight = preflight;
        this.windows = windows;
        this.links = links;
        this.gateway = gateway;
        this.optOuts = optOuts;
        this.properties = properties;
        this.messaging = messaging;
        // Each batch commits by itself, whatever transaction the caller runs in.
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
        this.transactions.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
        this.clock = clock;
        new ExecutorServiceMetrics(this.launches, "campaign-launch", List.of()).bindTo(meters);
    }

    /** Launches being written, and when a failed one may be tried again. */
    private final Map<Long, Long> busy = new java.util.concurrent.ConcurrentHashMap<>();

    private static final long RETRY_AFTER_FAILURE = TimeUnit.MINUTES.toNanos(1);

    /** Who pauses a launch that cannot go on (the campaign page shows the reason). */
    public static final String PAUSED_BY = "launch";

    /**
     * Starts (or resumes) writing a launched campaign's messages in the background,
     * unless it is being written already or failed less than a minute ago. A failure that
     * trying again cannot mend (a link its brand's rules refuse) pauses the campaign with
     * the reason instead; resuming it tries again.
     */
    public Future<?> submit(long campaignId) {
        return submit(campaignId, null);
    }

    /**
     * Sends the A/B test's winner to the recipients still waiting for it, in the
     * background like a launch (and never twice at once); the clock submits it again
     * until it is done.
     */
    public Future<?> submitWinner(long campaignId, String winner) {
        return submit(campaignId, winner);
    }

    private Future<?> submit(long campaignId, String winner) {
        Long since = this.busy.get(campaignId);
        if (since != null && (since == Long.MAX_VALUE || System.nanoTime() < since)) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        this.busy.put(campaignId, Long.MAX_VALUE);
        try {
            return this.launches.submit(() -> write(campaignId, winner));
        }
        catch (RejectedExecutionException ex) {
            // The launch sweep submits it again in a minute.
            this.busy.put(campaignId, System.nanoTime() + RETRY_AFTER_FAILURE);
            log.warn("Launch of campaign {} waits: 1,000 launches are queued", campaignId);
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
    }

    private void write(long campaignId, String winner) {
        try {
            run(campaignId, winner);
            this.busy.remove(campaignId);
        }
        catch (RuntimeException ex) {
            CouponsExhausted exhausted = couponsExhaustedIn(ex);
            if (exhausted != null) {
                this.busy.remove(campaignId);
                this.gateway.pause(campaignId, "Launch stopped: " + exhausted.getMessage(), PAUSED_BY);
                log.warn("Launch of campaign {} paused: its coupon pool ran out", campaignId);
                return;
            }
            LinkProblem problem = linkProblemIn(ex);
            if (problem != null) {
                this.busy.remove(campaignId);
                this.gateway.pause(campaignId, "Launch stopped: " + problem.getMessage()
                        + " Change the link or the brand's rules, then resume.", PAUSED_BY);
                log.warn("Launch of campaign {} paused: {}", campaignId, problem.getMessage());
                return;
            }
            this.busy.put(campaignId, System.nanoTime() + RETRY_AFTER_FAILURE);
            log.error("Launch of campaign {} stopped: {}; it is tried again in a minute", campaignId, ex.toString(),
                    ex);
        }
    }

    private static CouponsExhausted couponsExhaustedIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CouponsExhausted exhausted) {
                return exhausted;
            }
        }
        return null;
    }

    private static LinkProblem linkProblemIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof LinkProblem problem) {
                return problem;
            }
        }
        return null;
    }

    /**
     * A recipient read from the audience, and what the campaign does with them (decided
     * by the reader).
     *
     * @param preferred the contact's preferred channel (cascades try it first), or null
     * @param whatsAppConsent whether the contact opted in to WhatsApp
     */
    record Row(long id, String phone, String country, Map<String, String> fields, Recipients.Decision decision,
            Channel preferred, boolean whatsAppConsent) {

    }

    /** A batch's outcome, added to the campaign's counters. */
    record Counts(int queued, int holdout, int capped, int waiting, Instant firstDue) {

    }

    void run(long campaignId, String winner) {
        CampaignView campaign = this.store.find(campaignId, null).orElseThrow();
        if (!campaign.status().live() || campaign.launch() == null
                || (winner == null && campaign.launch().finished())) {
            return;
        }
        if (this.gateway.pauseOf(campaignId).filter((p) -> PAUSED_BY.equals(p.by())).isPresent()) {
            return; // stopped for a reason that waits for a person
        }
        CampaignDraft draft = campaign.draft();
        List<String> linkProblems = this.preflight.linkProblems(draft);
        if (!linkProblems.isEmpty()) {
            throw new LinkProblem(LinkProblem.Kind.INVALID, String.join("; ", linkProblems));
        }
        CampaignTexts templates = new CampaignTexts(draft, this.properties);
        CascadePlan plan = (draft.cascade() != null) ? this.cascades.plan(draft) : null;
        BrandView brand = this.preflight.brandOf(draft);
        Instant start = (winner == null) ? campaign.launch().at() : this.clock.instant();
        Recipients recipients = new Recipients(campaignId, draft, this.windows, this.preflight.capped(draft, start),
                start);
        long[] waiting = (winner != null) ? waitingOf(campaignId) : null;
        if (waiting != null && waiting.length == 0) {
            finish(campaignId, winner, 0); // sent to everyone before a crash or restart
            return;
        }
        long cursor = (winner == null) ? cursorOf(campaignId) : 0;
        ContactCriteria criteria = this.audiences.of(draft.audience());
        int batchSize = Math.max(100, this.properties.launchBatch());
        // Two batches wait at most; past that the reader waits for the writer.
        ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2),
                (task) -> new Thread(task, "campaign-launch-writer"), (task, executor) -> {
                    try {
                        executor.getQueue().put(task);
                    }
                    catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        throw new java.util.concurrent.RejectedExecutionException(ex);
                    }
                });
        List<Future<?>> written = new ArrayList<>();
        List<Row> batch = new ArrayList<>(batchSize);
        LocalDate today = LocalDate.now(this.clock);
        long began = System.nanoTime();
        try {
            this.contacts.forEachMatching(criteria, true, cursor, (row) -> {
                long id = row.getLong("id");
                if (waiting != null && Arrays.binarySearch(waiting, id) < 0) {
                    return;
                }
                String country = row.getString("country");
                Recipients.Decision decision = recipients.decide(id, country, row.getString("region"),
                        row.getString("time_zone"), winner);
                boolean sends = decision.role() == Recipients.Role.SEND;
                String preferred = row.getString("preferred_channel");
                batch.add(new Row(id, row.getString("phone_number"), country, sends ? MergeFields.of(row, today) : null,
                        decision, (preferred != null) ? Channel.valueOf(preferred) : null,
                        "OPTED_IN".equals(row.getString("whatsapp_consent"))));
                if (batch.size() == batchSize) {
                    List<Row> full = List.copyOf(batch);
                    batch.clear();
                    written.add(writer
                        .submit(() -> write(campaign, draft, templates, plan, brand, recipients, winner, full)));
                    throwIfFailed(written);
                }
            });
            if (!batch.isEmpty()) {
                List<Row> last = List.copyOf(batch);
                written
                    .add(writer.submit(() -> write(campaign, draft, templates, plan, brand, recipients, winner, last)));
            }
            for (Future<?> future : written) {
                future.get();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return;
        }
        catch (java.util.concurrent.ExecutionException ex) {
            if (ex.getCause() instanceof LaunchCancelled) {
                log.info("Launch of campaign {} stopped: the campaign was cancelled", campaignId);
                return;
            }
            throw new IllegalStateException(ex.getCause());
        }
        finally {
            writer.shutdown();
        }
        finish(campaignId, winner, System.nanoTime() - began);
    }

    private static void throwIfFailed(List<Future<?>> written) {
        for (Future<?> future : written) {
            if (future.isDone()) {
                try {
                    future.get();
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                catch (java.util.concurrent.ExecutionException ex) {
                    throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
                            : new IllegalStateException(ex.getCause());
                }
            }
        }
    }

    /** The campaign was cancelled while its launch was being written. */
    static final class LaunchCancelled extends RuntimeException {

        LaunchCancelled() {
            super("cancelled", null, false, false);
        }

    }

    /** The campaign's row as a batch holds it: its status and how far the launch got. */
    private record Locked(CampaignStatus status, long cursor) {

    }

    private void write(CampaignView campaign, CampaignDraft draft, CampaignTexts templates, CascadePlan plan,
            BrandView brand, Recipients recipients, String winner, List<Row> rows) {
        this.transactions.executeWithoutResult((status) -> {
            // The row stays locked until the batch commits: checked without the lock,
            // a cancel could withdraw the queued messages before this batch's commit,
            // which then went out for a cancelled campaign; and a second writer of the
            // same launch (another instance) wrote its recipients again.
            Locked locked = this.jdbc.sql("select status, launch_cursor from campaign where id = :id for update")
                .param("id", campaign.id())
                .query((row, n) -> new Locked(CampaignStatus.valueOf(row.getString(1)), row.getLong(2)))
                .optional()
                .orElse(new Locked(CampaignStatus.CANCELLED, 0));
            if (locked.status() == CampaignStatus.CANCELLED) {
                throw new LaunchCancelled();
            }
            long cursor = locked.cursor();
            List<Row> fresh = (winner != null) ? stillWaiting(campaign.id(), rows)
                    : rows.stream().filter((row) -> row.id() > cursor).toList();
            if (fresh.isEmpty()) {
                return; // written by another writer meanwhile
            }
            Counts counts = writeBatch(campaign, draft, templates, plan, brand, winner, fresh);
            long last = fresh.get(fresh.size() - 1).id();
            this.jdbc.sql("""
                    update campaign set launch_cursor = case when :winner then launch_cursor else :cursor end,
                        queued_count = queued_count + :queued, holdout_count = holdout_count + :holdout,
                        capped_count = capped_count + :capped, waiting_count = waiting_count + :waiting,
                        audience_count = audience_count + case when :winner then 0 else :rows end,
                        first_due_at = least(first_due_at, cast(:firstDue as timestamptz))
                    where id = :id""")
                .param("id", campaign.id())
                .param("winner", winner != null)
                .param("cursor", last)
                .param("queued", counts.queued())
                .param("holdout", counts.holdout())
                .param("capped", counts.capped())
                // each of the winner send's rows stops waiting: sent, capped or skipped
                .param("waiting", (winner != null) ? -fresh.size() : counts.waiting())
                .param("rows", fresh.size())
                .param("firstDue", (counts.firstDue() != null) ? counts.firstDue().toString() : null)
                .update();
        });
    }

    private Counts writeBatch(CampaignView campaign, CampaignDraft draft, CampaignTexts templates, CascadePlan plan,
            BrandView brand, String winner, List<Row> rows) {
        Set<String> suppressed = this.optOuts.suppressedAmong(rows.stream().map(Row::phone).toList());
        List<Row> sending = new ArrayList<>(rows.size());
        List<Recipients.Decision> decisions = new ArrayList<>(rows.size());
        long[] holdout = new long[rows.size()];
        long[] capped = new long[rows.size()];
        long[] waiting = new long[rows.size()];
        int holdouts = 0;
        int cappeds = 0;
        int waitings = 0;
        for (Row row : rows) {
            if (suppressed.contains(row.phone())) {
                continue;
            }
            Recipients.Decision decision = row.decision();
            switch (decision.role()) {
                case HOLDOUT -> holdout[holdouts++] = row.id();
                case CAPPED -> capped[cappeds++] = row.id();
                case WAITING -> waiting[waitings++] = row.id();
                case OUTSIDE -> {
                }
                case SEND -> {
                    sending.add(row);
                    decisions.add(decision);
                }
            }
        }
        Instant firstDue = null;
        if (!sending.isEmpty()) {
            firstDue = enqueue(campaign, draft, templates, plan, brand, winner, sending, decisions);
        }
        if (winner == null) {
            recipientsWithRole(campaign.id(), Arrays.copyOf(holdout, holdouts), "HOLDOUT");
            recipientsWithRole(campaign.id(), Arrays.copyOf(capped, cappeds), "CAPPED");
            recipientsWithRole(campaign.id(), Arrays.copyOf(waiting, waitings), "WAITING");
        }
        else {
            // Nobody of the batch stays waiting: who was not sent is capped or skipped
            // (suppressed meanwhile, outside their hours), else the campaign never ends.
            waitedFor(campaign.id(), Arrays.copyOf(holdout, holdouts), "HOLDOUT");
            waitedFor(campaign.id(), Arrays.copyOf(capped, cappeds), "CAPPED");
            waitedFor(campaign.id(), sending.stream().mapToLong(Row::id).toArray(), "SENT");
            waitedFor(campaign.id(), rows.stream().mapToLong(Row::id).toArray(), "SKIPPED");
        }
        return new Counts(sending.size(), holdouts, cappeds, waitings, firstDue);
    }

    private Instant enqueue(CampaignView campaign, CampaignDraft draft, CampaignTexts templates, CascadePlan plan,
            BrandView brand, String winner, List<Row> sending, List<Recipients.Decision> decisions) {
        long[] ids = this.gateway.reserveIds(sending.size());
        if (draft.coupons() != null) {
            // The codes go into the texts as the merge field {{coupon}}.
            Map<Long, String> codes = this.coupons.assign(campaign.id(), draft.coupons(),
                    sending.stream().mapToLong(Row::id).toArray(),
                    decisions.stream().map(Recipients.Decision::variant).toArray(String[]::new));
            for (Row row : sending) {
                row.fields().put(CouponChecks.FIELD, codes.get(row.id()));
            }
        }
        if (plan != null) {
            this.gateway.enqueue(
                    this.cascades.of(campaign.id(), draft, plan, templates, brand, winner, sending, decisions, ids));
            return decisions.stream().map(Recipients.Decision::due).min(Instant::compareTo).orElse(null);
        }
        List<RecipientLinkRequest> linkRequests = new ArrayList<>();
        String slug = CampaignTexts.slug(draft.name());
        for (int i = 0; i < sending.size(); i++) {
            MessageTemplate template = templates.of(decisions.get(i).variant(), sending.get(i).country());
            for (String target : template.links()) {
                linkRequests.add(new RecipientLinkRequest(target, brand.id(), campaign.id(), sending.get(i).id(),
                        decisions.get(i).variant(), ids[i], slug, draft.attributionDays()));
            }
        }
        List<MintedLink> minted = linkRequests.isEmpty() ? List.of() : this.links.mint(linkRequests);
        MessagingProperties.Sender sender = this.messaging.senders().get(draft.sender());
        List<MessageRequest> messages = new ArrayList<>(sending.size());
        int link = 0;
        Instant firstDue = null;
        for (int i = 0; i < sending.size(); i++) {
            Row row = sending.get(i);
            Recipients.Decision decision = decisions.get(i);
            MessageTemplate template = templates.of(decision.variant(), row.country());
            List<String> urls = new ArrayList<>(template.links().size());
            for (int l = 0; l < template.links().size(); l++) {
                urls.add(minted.get(link++).shortUrl());
            }
            String body = template.render(row.fields()::get, urls).text();
            String key = "campaign:" + campaign.id() + ":contact:" + row.id() + ((winner != null) ? ":winner" : "");
            messages.add(new MessageRequest(ids[i], key, sender.channel(), draft.sender(), row.phone(), body,
                    SmsText.of(body).segments(), decision.due(), decision.window(),
                    new Attribution(campaign.id(), row.id(), decision.variant()), List.of()));
            if (firstDue == null || decision.due().isBefore(firstDue)) {
                firstDue = decision.due();
            }
        }
        this.gateway.enqueue(messages);
        return firstDue;
    }

    private void recipientsWithRole(long campaignId, long[] contacts, String role) {
        if (contacts.length == 0) {
            return;
        }
        this.jdbc.sql("""
                insert into campaign_recipient (campaign_id, contact_id, role)
                select :id, c, :role from unnest(cast(:contacts as bigint[])) c
                on conflict (campaign_id, contact_id) do nothing""")
            .param("id", campaignId)
            .param("contacts", contacts)
            .param("role", role)
            .update();
    }

    /** Those who waited for the winner get their role; those who no longer wait stay. */
    private void waitedFor(long campaignId, long[] contacts, String role) {
        if (contacts.length == 0) {
            return;
        }
        this.jdbc
            .sql("update campaign_recipient set role = :role where campaign_id = :id "
                    + "and contact_id = any(cast(:ids as bigint[])) and role = 'WAITING'")
            .param("id", campaignId)
            .param("ids", contacts)
            .param("role", role)
            .update();
    }

    /**
     * The rows still waiting, under the campaign's lock: a winner send resumed after a
     * crash, or run twice, never writes anyone twice.
     */
    private List<Row> stillWaiting(long campaignId, List<Row> rows) {
        Set<Long> waiting = Set.copyOf(this.jdbc
            .sql("select contact_id from campaign_recipient where campaign_id = :id and role = 'WAITING' "
                    + "and contact_id = any(cast(:ids as bigint[]))")
            .param("id", campaignId)
            .param("ids", rows.stream().mapToLong(Row::id).toArray())
            .query(Long.class)
            .list());
        return rows.stream().filter((row) -> waiting.contains(row.id())).toList();
    }

    private long cursorOf(long campaignId) {
        return this.jdbc.sql("select launch_cursor from campaign where id = :id")
            .param("id", campaignId)
            .query(Long.class)
            .single();
    }

    private long[] waitingOf(long campaignId) {
        return this.jdbc
            .sql("select contact_id from campaign_recipient where campaign_id = :id and role = 'WAITING' "
                    + "order by contact_id")
            .param("id", campaignId)
            .query(Long.class)
            .list()
            .stream()
            .mapToLong(Long::longValue)
            .toArray();
    }

    /**
     * Marks the launch (or the winner send) written and logs it, in one transaction: a
     * crash before leaves it unfinished for the clock to resume, and resuming a finished
     * one logs nothing twice.
     */
    private void finish(long campaignId, String winner, long nanos) {
        this.transactions.executeWithoutResult((status) -> {
            if (winner == null) {
                finishLaunch(campaignId, nanos);
            }
            else {
                finishWinner(campaignId, winner);
            }
        });
        log.info("Campaign {}: {} written in {} ms", campaignId, (winner == null) ? "launch" : "winner send",
                TimeUnit.NANOSECONDS.toMillis(nanos));
    }

    private void finishLaunch(long campaignId, long nanos) {
        if (this.jdbc
            .sql("update campaign set launch_finished_at = now() where id = :id and launch_finished_at is null")
            .param("id", campaignId)
            .update() == 0) {
            return;
        }
        CampaignView.Launch launch = this.store.find(campaignId, null).orElseThrow().launch();
        this.store.event(campaignId, "LAUNCH", null, null,
                String.format(
                        "%d recipients: %d messages queued, %d held out, %d over the frequency cap, "
                                + "%d waiting for the A/B winner (written in %.1f s)",
                        launch.audience(), launch.queued(), launch.holdout(), launch.capped(), launch.waiting(),
                        nanos / 1e9),
                launch.by());
    }

    private void finishWinner(long campaignId, String winner) {
        // Who still waits left the audience (erased, unsubscribed, off the list).
        int skipped = this.jdbc
            .sql("update campaign_recipient set role = 'SKIPPED' where campaign_id = :id and role = 'WAITING'")
            .param("id", campaignId)
            .update();
        if (this.jdbc.sql("""
                update campaign set winner_finished_at = now(), waiting_count = (select count(*)
                    from campaign_recipient where campaign_id = :id and role = 'WAITING')
                where id = :id and winner_finished_at is null""").param("id", campaignId).update() == 0) {
            return;
        }
        this.store
            .event(campaignId, "WINNER", null, null,
                    "Variant " + winner + " sent to the recipients who waited for the test's result"
                            + ((skipped > 0) ? String.format(" (%d no longer in the audience)", skipped) : ""),
                    "A/B test");
    }

}
