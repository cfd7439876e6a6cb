package org.smscampaign.campaign.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignStatus;
import org.smscampaign.campaign.CampaignView;
import org.smscampaign.campaign.GoalState;
import org.smscampaign.messaging.SendWindow;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Campaigns in SQL: the campaign row and its audience, variants, goals and events. */
@Component
public class CampaignStore {

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    private final GoalStore goals;

    private final CascadeStore cascades;

    private final ReplyKeywordStore keywords;

    private final org.smscampaign.campaign.coupon.CouponStore coupons;

    CampaignStore(JdbcClient jdbc, ApplicationEventPublisher events, GoalStore goals, CascadeStore cascades,
            ReplyKeywordStore keywords, org.smscampaign.campaign.coupon.CouponStore coupons) {
        this.keywords = keywords;
        this.coupons = coupons;
        this.cascades = cascades;
        this.jdbc = jdbc;
        this.events = events;
        this.goals = goals;
    }

    public long insert(CampaignDraft draft, String by) {
        long id = this.jdbc.sql("""
                insert into campaign (name, sender, created_by) values (:name, :sender, :by) returning id""")
            .param("name", draft.name())
            .param("sender", draft.sender())
            .param("by", by)
            .query(Long.class)
            .single();
        write(id, draft);
        return id;
    }

    /** Replaces a campaign's settings, audience, variants and goals. */
    public void write(long id, CampaignDraft draft) {
        CampaignDraft.Schedule schedule = draft.schedule();
        this.jdbc.sql("""
                update campaign set name = :name, sender = :sender, brand_id = :brand, schedule_type = :type,
                    send_at = :at, local_date = :date, local_time = :time, window_policy = :policy,
                    opt_out_line = :optOut, signature = :signature, holdout_percent = :holdout,
                    winner_test_percent = :testPercent, winner_test_hours = :testHours, winner_metric = :metric,
                    winner_confidence = :confidence, winner_min_sample = :minSample, winner_fallback = :fallback,
                    attribution_days = :attribution, evaluation_days = :evaluation,
                    audience_everyone = :everyone, cascade_order = :cascadeOrder, updated_at = now(),
                    version = version + 1
                where id = :id""")
            .param("id", id)
            .param("name", draft.name())
            .param("sender", draft.sender())
            .param("brand", draft.brandId())
            .param("type", schedule.type().name())
            .param("at", (schedule.at() != null) ? Timestamp.from(schedule.at()) : null)
            .param("date", (schedule.localDate() != null) ? java.sql.Date.valueOf(schedule.localDate()) : null)
            .param("time", (schedule.localTime() != null) ? Time.valueOf(schedule.localTime()) : null)
            .param("policy", draft.windowPolicy().name())
            .param("optOut", draft.optOutLine())
            .param("signature", draft.signature())
            .param("holdout", draft.holdoutPercent())
            .param("testPercent", (draft.winner() != null) ? draft.winner().testPercent() : null)
            .param("testHours", (draft.winner() != null) ? draft.winner().testHours() : null)
            .param("metric", (draft.winner() != null) ? draft.winner().metric().name() : null)
            .param("confidence", (draft.winner() != null) ? draft.winner().confidence() : null)
            .param("minSample", (draft.winner() != null) ? draft.winner().minimumSample() : null)
            .param("fallback", (draft.winner() != null) ? draft.winner().fallback().name() : null)
            .param("attribution", draft.attributionDays())
            .param("evaluation", draft.evaluationDays())
            .param("everyone", draft.audience().everyone())
            .param("cascadeOrder", (draft.cascade() != null) ? draft.cascade().order().name() : null)
            .update();
        this.cascades.write(id, draft.cascade());
        this.keywords.write(id, draft.replyKeywords());
        this.coupons.write(id, draft.coupons());
        this.jdbc.sql("delete from campaign_audience where campaign_id = :id").param("id", id).update();
        audience(id, "SEGMENT", draft.audience().segments(), true);
        audience(id, "LIST", draft.audience().lists(), true);
        audience(id, "SEGMENT", draft.audience().excludedSegments(), false);
        audience(id, "LIST", draft.audience().excludedLists(), false);
        this.jdbc.sql("delete from campaign_variant where campaign_id = :id").param("id", id).update();
        for (CampaignDraft.Variant variant : draft.variants()) {
            this.jdbc.sql(
                    "insert into campaign_variant (campaign_id, label, body, split) values (:id, :label, :body, :split)")
                .param("id", id)
                .param("label", variant.label())
                .param("body", variant.body())
                .param("split", variant.split())
                .update();
        }
        writeGoals(id, draft.goals());
        writeCosts(id, draft.costs());
    }

    public void writeCosts(long id, List<CampaignDraft.Cost> costs) {
        this.jdbc.sql("delete from campaign_cost where campaign_id = :id").param("id", id).update();
        for (int i = 0; i < costs.size(); i++) {
            CampaignDraft.Cost cost = costs.get(i);
            this.jdbc
                .sql("insert into campaign_cost (campaign_id, position, label, kind, amount) "
                        + "values (:id, :position, :label, :kind, :amount)")
                .param("id", id)
                .param("position", i)
                .param("label", cost.label().strip())
                .param("kind", cost.kind().name())
                .param("amount", cost.amount())
                .update();
        }
    }

    public void writeGoals(long id, List<CampaignDraft.Goal> goals) {
        this.goals.write(id, goals);
    }

    private void audience(long id, String kind, List<Long> refs, boolean included) {
        for (Long ref : refs) {
            this.jdbc
                .sql("insert into campaign_audience (campaign_id, kind, ref_id, included) "
                        + "values (:id, :kind, :ref, :included) on conflict do nothing")
                .param("id", id)
                .param("kind", kind)
                .param("ref", ref)
                .param("included", included)
                .update();
        }
    }

    /**
     * Moves a campaign from one status to another if it is still in the first; logs the
     * transition. The status, its event and its webhooks (the outbox, before commit)
     * commit together or not at all. Returns whether it moved.
     */
    @Transactional
    public boolean transition(long id, CampaignStatus from, CampaignStatus to, String by, String detail) {
        Optional<String> moved = this.jdbc.sql("""
                update campaign set status = :to, updated_at = now(), version = version + 1,
                    finished_at = case when :to in ('COMPLETED', 'CANCELLED') then now() else finished_at end
                where id = :id and status = :from returning name""")
            .param("id", id)
            .param("from", from.name())
            .param("to", to.name())
            .query(String.class)
            .optional();
        if (moved.isPresent()) {
            event(id, "TRANSITION", from, to, detail, by);
            this.events.publishEvent(LifecycleNotices.of(id, moved.get(), from, to, by, detail, Instant.now()));
        }
        return moved.isPresent();
    }

    public void event(long id, String kind, CampaignStatus from, CampaignStatus to, String detail, String by) {
        this.jdbc.sql("""
                insert into campaign_event (campaign_id, kind, from_status, to_status, detail, by_user)
                values (:id, :kind, :from, :to, :detail, :by)""")
            .param("id", id)
            .param("kind", kind)
            .param("from", (from != null) ? from.name() : null)
            .param("to", (to != null) ? to.name() : null)
            .param("detail", detail)
            .param("by", by)
            .update();
    }

    /**
     * Records who launched the campaign and when (the launch itself runs in the
     * background).
     */
    public void markLaunched(long id, String by, Instant at) {
        this.jdbc.sql("update campaign set launched_by = :by, launched_at = :at, updated_at = now() where id = :id")
            .param("id", id)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .update();
    }

    /** Records the A/B test's winner once. Returns 1 when it was recorded now. */
    public int chooseWinner(long id, String variant) {
        return this.jdbc
            .sql("update campaign set winner_variant = :variant, winner_chosen_at = now() "
                    + "where id = :id and winner_variant is null")
            .param("id", id)
            .param("variant", variant)
            .update();
    }

    /** Campaigns whose launch was not written to the end (a crash, a restart). */
    public List<Long> unfinishedLaunches() {
        return this.jdbc.sql("""
                select id from campaign where launched_at is not null and launch_finished_at is null
                  and status in ('SCHEDULED', 'SENDING', 'PAUSED') order by id""").query(Long.class).list();
    }

    public Optional<CampaignStatus> status(long id) {
        return this.jdbc.sql("select status from campaign where id = :id")
            .param("id", id)
            .query((row, n) -> CampaignStatus.valueOf(row.getString(1)))
            .optional();
    }

    public Optional<CampaignView> find(long id, String pauseReason) {
        return this.jdbc.sql("select * from campaign where id = :id")
            .param("id", id)
            .query((row, n) -> view(row, pauseReason, true))
            .optional();
    }

    /** Campaigns, newest first, optionally in one status. */
    public long[] recipientsWithRole(long campaignId, String role) {
        return this.jdbc.sql("select contact_id from campaign_recipient where campaign_id = :id and role = :role")
            .param("id", campaignId)
            .param("role", role)
            .query(Long.class)
            .list()
            .stream()
            .mapToLong(Long::longValue)
            .toArray();
    }

    public List<CampaignView> list(CampaignStatus status, int limit) {
        return page(status, null, 0, limit);
    }

    /**
     * A page of campaigns, newest first, optionally in one status and with a name
     * containing the given text. Their audiences, variants, goals and costs are read in
     * one query each for the whole page, never one per campaign.
     */
    public List<CampaignView> page(CampaignStatus status, String name, int offset, int limit) {
        Filter filter = Filter.of(status, name);
        List<CampaignView> views = new ArrayList<>();
        Long[] ids = this.jdbc
            .sql("select id from campaign" + filter.where() + " order by id desc limit :limit offset :offset")
            .params(filter.params())
            .param("limit", limit)
            .param("offset", Math.max(0, offset))
            .query(Long.class)
            .list()
            .toArray(Long[]::new);
        if (ids.length == 0) {
            return views;
        }
        Children children = children(ids);
        this.jdbc.sql("select * from campaign where id = any(:ids) order by id desc")
            .param("ids", ids)
            .query((row, n) -> views.add(view(row, null, false, children)))
            .list();
        return views;
    }

    /** How many campaigns {@link #page} finds in all its pages. */
    public long count(CampaignStatus status, String name) {
        Filter filter = Filter.of(status, name);
        return this.jdbc.sql("select count(*) from campaign" + filter.where())
            .params(filter.params())
            .query(Long.class)
            .single();
    }

    /** Filters of the campaign list, as SQL with named parameters. */
    private record Filter(String where, Map<String, Object> params) {

        static Filter of(CampaignStatus status, String name) {
            List<String> conditions = new ArrayList<>();
            Map<String, Object> params = new HashMap<>();
            if (status != null) {
                conditions.add("status = :status");
                params.put("status", status.name());
            }
            if (name != null && !name.isBlank()) {
                conditions.add("name ilike :name escape '\\'");
                params.put("name",
                        "%" + name.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
            return new Filter(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
        }

    }

    /**
     * Every campaign's name by id, newest first (for pickers and lists of other things).
     */
    public Map<Long, String> names(int limit) {
        Map<Long, String> names = new java.util.LinkedHashMap<>();
        this.jdbc.sql("select id, name from campaign order by id desc limit :limit")
            .param("limit", limit)
            .query((row, n) -> names.put(row.getLong("id"), row.getString("name")))
            .list();
        return names;
    }

    /** Ids of campaigns in a status. */
    public List<Long> idsIn(CampaignStatus status) {
        return this.jdbc.sql("select id from campaign where status = :status order by id")
            .param("status", status.name())
            .query(Long.class)
            .list();
    }

    private CampaignView view(ResultSet row, String pauseReason, boolean withEvents) throws SQLException {
        return view(row, pauseReason, withEvents, children(new Long[] { row.getLong("id") }));
    }

    private CampaignView view(ResultSet row, String pauseReason, boolean withEvents, Children children)
            throws SQLException {
        long id = row.getLong("id");
        Timestamp at = row.getTimestamp("send_at");
        java.sql.Date date = row.getDate("local_date");
        Time time = row.getTime("local_time");
        CampaignDraft.Schedule schedule = new CampaignDraft.Schedule(
                CampaignDraft.ScheduleType.valueOf(row.getString("schedule_type")),
                (at != null) ? at.toInstant() : null, (date != null) ? date.toLocalDate() : null,
                (time != null) ? time.toLocalTime() : null);
        CampaignDraft.Winner winner = (row.getObject("winner_test_percent") != null)
                ? new CampaignDraft.Winner(row.getInt("winner_test_percent"), row.getInt("winner_test_hours"),
                        CampaignDraft.WinnerMetric.valueOf(row.getString("winner_metric")),
                        row.getBigDecimal("winner_confidence"), row.getObject("winner_min_sample", Integer.class),
                        (row.getString("winner_fallback") != null)
                                ? CampaignDraft.WinnerFallback.valueOf(row.getString("winner_fallback")) : null)
                : null;
        CampaignDraft draft = new CampaignDraft(row.getString("name"), row.getString("sender"),
                row.getObject("brand_id", Long.class), children.audience(id, row.getBoolean("audience_everyone")),
                children.variants(id), schedule, SendWindow.Policy.valueOf(row.getString("window_policy")),
                row.getBoolean("opt_out_line"), row.getString("signature"), row.getInt("holdout_percent"), winner,
                children.goals(id), row.getInt("attribution_days"), row.getInt("evaluation_days"), children.costs(id),
                children.cascade(id, row.getString("cascade_order")), children.keywords(id),
                children.coupons().get(id));
        Timestamp launched = row.getTimestamp("launched_at");
        CampaignView.Launch launch = (launched != null) ? new CampaignView.Launch(row.getString("launched_by"),
                launched.toInstant(), row.getTimestamp("launch_finished_at") != null,
                instant(row.getTimestamp("first_due_at")), row.getInt("audience_count"), row.getInt("queued_count"),
                row.getInt("holdout_count"), row.getInt("capped_count"), row.getInt("waiting_count")) : null;
        return new CampaignView(id, row.getString("name"), CampaignStatus.valueOf(row.getString("status")), draft,
                row.getString("created_by"), instant(row.getTimestamp("created_at")),
                instant(row.getTimestamp("updated_at")), launch, row.getString("winner_variant"), pauseReason,
                withEvents ? eventsOf(id) : List.of(), children.states(id));
    }

    private static Instant instant(Timestamp timestamp) {
        return (timestamp != null) ? timestamp.toInstant() : null;
    }

    /** The audiences, variants, goals and costs of some campaigns, read at once. */
    private record Children(Map<Long, CampaignDraft.Audience> audiences,
            Map<Long, List<CampaignDraft.Variant>> variants, Map<Long, List<CampaignDraft.Goal>> goals,
            Map<Long, List<CampaignDraft.Cost>> costs, Map<Long, List<GoalState>> goalStates,
            Map<Long, List<CampaignDraft.CascadeStep>> cascadeSteps,
            Map<Long, List<CampaignDraft.ReplyKeyword>> replyKeywords, Map<Long, CampaignDraft.Coupons> coupons) {

        List<CampaignDraft.ReplyKeyword> keywords(long id) {
            return this.replyKeywords.getOrDefault(id, List.of());
        }

        /** The cascade of a campaign whose row has an order, else null. */
        CampaignDraft.Cascade cascade(long id, String order) {
            return (order != null) ? new CampaignDraft.Cascade(CampaignDraft.CascadeOrder.valueOf(order),
                    this.cascadeSteps.getOrDefault(id, List.of())) : null;
        }

        List<GoalState> states(long id) {
            return this.goalStates.getOrDefault(id, List.of());
        }

        CampaignDraft.Audience audience(long id, boolean everyone) {
            CampaignDraft.Audience audience = this.audiences.getOrDefault(id,
                    new CampaignDraft.Audience(List.of(), List.of(), List.of(), List.of()));
            return new CampaignDraft.Audience(audience.segments(), audience.lists(), audience.excludedSegments(),
                    audience.excludedLists(), everyone);
        }

        List<CampaignDraft.Variant> variants(long id) {
            return this.variants.getOrDefault(id, List.of());
        }

        List<CampaignDraft.Goal> goals(long id) {
            return this.goals.getOrDefault(id, List.of());
        }

        List<CampaignDraft.Cost> costs(long id) {
            return this.costs.getOrDefault(id, List.of());
        }

    }

    private Children children(Long[] ids) {
        Map<Long, List<List<Long>>> refs = new HashMap<>();
        this.jdbc.sql("select * from campaign_audience where campaign_id = any(:ids) order by ref_id")
            .param("ids", ids)
            .query((row, n) -> {
                List<List<Long>> lists = refs.computeIfAbsent(row.getLong("campaign_id"),
                        (k) -> List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
                boolean segment = row.getString("kind").equals("SEGMENT");
                boolean included = row.getBoolean("included");
                lists.get(segment ? (included ? 0 : 2) : (included ? 1 : 3)).add(row.getLong("ref_id"));
                return null;
            })
            .list();
        Map<Long, CampaignDraft.Audience> audiences = new HashMap<>();
        refs.forEach((id, l) -> audiences.put(id, new CampaignDraft.Audience(l.get(0), l.get(1), l.get(2), l.get(3))));
        Map<Long, List<CampaignDraft.Variant>> variants = new HashMap<>();
        this.jdbc.sql("select * from campaign_variant where campaign_id = any(:ids) order by label")
            .param("ids", ids)
            .query((row, n) -> variants.computeIfAbsent(row.getLong("campaign_id"), (k) -> new ArrayList<>())
                .add(new CampaignDraft.Variant(row.getString("label"), row.getString("body"), row.getInt("split"))))
            .list();
        Map<Long, List<CampaignDraft.Goal>> goals = new HashMap<>();
        Map<Long, List<GoalState>> goalStates = this.goals.states(ids);
        goalStates.forEach((id, states) -> goals.put(id,
                states.stream().map((g) -> new CampaignDraft.Goal(g.metric(), g.target(), g.event())).toList()));
        Map<Long, List<CampaignDraft.Cost>> costs = new HashMap<>();
        this.jdbc.sql("select * from campaign_cost where campaign_id = any(:ids) order by position")
            .param("ids", ids)
            .query((row, n) -> costs.computeIfAbsent(row.getLong("campaign_id"), (k) -> new ArrayList<>())
                .add(new CampaignDraft.Cost(row.getString("label"),
                        CampaignDraft.CostKind.valueOf(row.getString("kind")), plain(row.getBigDecimal("amount")))))
            .list();
        return new Children(audiences, variants, goals, costs, goalStates, this.cascades.steps(ids),
                this.keywords.keywords(ids), this.coupons.settings(ids));
    }

    /**
     * Without trailing zeros, never in scientific notation: 300.0000 is 300, not 3E+2
     * (pages and forms show the number as it is).
     */
    private static BigDecimal plain(BigDecimal stored) {
        BigDecimal stripped = stored.stripTrailingZeros();
        return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
    }

    private List<CampaignView.EventView> eventsOf(long id) {
        return this.jdbc.sql("select * from campaign_event where campaign_id = :id order by id")
            .param("id", id)
            .query((row, n) -> new CampaignView.EventView(row.getString("kind"), status(row.getString("from_status")),
                    status(row.getString("to_status")), row.getString("detail"), row.getString("by_user"),
                    row.getTimestamp("at").toInstant()))
            .list();
    }

    private static CampaignStatus status(String value) {
        return (value != null) ? CampaignStatus.valueOf(value) : null;
    }

}
