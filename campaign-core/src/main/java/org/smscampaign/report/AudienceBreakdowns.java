package org.smscampaign.report;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.CampaignView;
import org.smscampaign.link.CampaignClickFigures;
import org.smscampaign.link.Conversions;
import org.smscampaign.messaging.CampaignMessageFigures;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code campaign_audience_slice} current: each campaign's delivered messages,
 * people who clicked and conversions by the recipients' age band, gender, country, city
 * and interests. The gateway and link tracking say who (contact ids); the contacts say
 * what they are. Recomputed, like the rollups it follows, whenever either of them was
 * recomputed since.
 */
@Component
class AudienceBreakdowns {

    private static final Logger log = LoggerFactory.getLogger(AudienceBreakdowns.class);

    /** Cities beyond the biggest ones by delivered messages are summed up as "other". */
    private static final int CITIES = 15;

    private final JdbcClient jdbc;

    private final CampaignMessageFigures messages;

    private final CampaignClickFigures clicks;

    private final TransactionTemplate transaction;

    private final CampaignManagement campaigns;

    private final Conversions conversions;

    AudienceBreakdowns(JdbcClient jdbc, CampaignMessageFigures messages, CampaignClickFigures clicks,
            TransactionTemplate transaction, CampaignManagement campaigns, Conversions conversions) {
        this.campaigns = campaigns;
        this.conversions = conversions;
        this.jdbc = jdbc;
        this.messages = messages;
        this.clicks = clicks;
        this.transaction = transaction;
    }

    @Scheduled(fixedDelayString = "${sms.report.audience-interval:1m}", initialDelay = 20_000)
    void run() {
        Instant since = this.jdbc
            .sql("select coalesce(max(refreshed_at), 'epoch'::timestamptz) from campaign_audience_state")
            .query(Instant.class)
            .single();
        Set<Long> changed = new LinkedHashSet<>(this.messages.refreshedAfter(since));
        changed.addAll(this.clicks.refreshedAfter(since));
        for (Long campaign : changed) {
            try {
                refresh(campaign);
            }
            catch (RuntimeException ex) {
                log.warn("Recomputing the audience breakdown of campaign {} failed: {}", campaign, ex.getMessage());
            }
        }
    }

    /** Recomputes one campaign's breakdown now. */
    void refresh(long campaignId) {
        Instant started = this.jdbc.sql("select now()").query(Instant.class).single();
        long[] delivered = this.messages.deliveredContacts(campaignId);
        long[] clicked = this.clicks.humanClickerContacts(campaignId);
        long[] converted = this.clicks.convertedContacts(campaignId);
        long[] lift = holdoutCounts(campaignId);
        this.transaction.executeWithoutResult((status) -> {
            this.jdbc.sql("delete from campaign_audience_slice where campaign_id = :id")
                .param("id", campaignId)
                .update();
            this.jdbc
                .sql("""
                        insert into campaign_audience_slice (campaign_id, dimension, value, delivered, human_clickers,
                            conversions)
                        with delivered as (select distinct unnest(cast(:delivered as bigint[])) as id),
                        clicked as (select distinct unnest(cast(:clicked as bigint[])) as id),
                        converted as (select distinct unnest(cast(:converted as bigint[])) as id),
                        people as (
                            select c.gender, c.country, c.city, c.tags,
                                extract(year from age(current_date, c.birth_date))::int as age,
                                d.id is not null as delivered, k.id is not null as clicked, v.id is not null as converted
                            from contact c
                            left join delivered d on d.id = c.id
                            left join clicked k on k.id = c.id
                            left join converted v on v.id = c.id
                            where c.id in (select id from delivered union select id from clicked union select id from converted)),
                        cities as (
                            select city from people where city is not null group by city
                            order by count(*) filter (where delivered) desc, city limit :cities)
                        select :campaign, dimension, value, count(*) filter (where delivered),
                            count(*) filter (where clicked), count(*) filter (where converted)
                        from (
                            select 'AGE' as dimension, case when age is null then 'unknown' when age < 25 then '18-24'
                                when age < 35 then '25-34' when age < 45 then '35-44' when age < 55 then '45-54'
                                when age < 65 then '55-64' else '65+' end as value, delivered, clicked, converted from people
                            union all
                            select 'GENDER', coalesce(lower(gender), 'unknown'), delivered, clicked, converted from people
                            union all
                            select 'COUNTRY', coalesce(country, 'unknown'), delivered, clicked, converted from people
                            union all
                            select 'CITY', case when city is null then 'unknown'
                                when city in (select city from cities) then city else 'other' end,
                                delivered, clicked, converted from people
                            union all
                            select 'INTEREST', coalesce(t, 'none'), delivered, clicked, converted
                            from people left join lateral unnest(tags) as t on true
                        ) as slices
                        group by dimension, value""")
                .param("campaign", campaignId)
                .param("delivered", delivered)
                .param("clicked", clicked)
                .param("converted", converted)
                .param("cities", CITIES)
                .update();
            this.jdbc
                .sql("""
                        insert into campaign_audience_state (campaign_id, refreshed_at, holdout, holdout_converters, treated,
                            treated_converters)
                        values (:id, :at, :holdout, :holdoutConverters, :treated, :treatedConverters)
                        on conflict (campaign_id) do update set refreshed_at = excluded.refreshed_at,
                            holdout = excluded.holdout, holdout_converters = excluded.holdout_converters,
                            treated = excluded.treated, treated_converters = excluded.treated_converters""")
                .param("id", campaignId)
                .param("at", Timestamp.from(started))
                .param("holdout", lift[0])
                .param("holdoutConverters", lift[1])
                .param("treated", lift[2])
                .param("treatedConverters", lift[3])
                .update();
        });
    }

    /**
     * Holdout contacts, those of them who converted, contacts sent a message, those who
     * converted: conversions within the attribution window after launch.
     */
    private long[] holdoutCounts(long campaignId) {
        CampaignView campaign = this.campaigns.find(campaignId).orElse(null);
        if (campaign == null || campaign.launch() == null) {
            return new long[4];
        }
        long[] holdout = this.campaigns.holdoutContacts(campaignId);
        if (holdout.length == 0) {
            return new long[4];
        }
        Instant from = campaign.launch().at();
        Instant to = from.plus(Duration.ofDays(campaign.draft().attributionDays()));
        long[] treated = this.messages.sentContacts(campaignId);
        return new long[] { holdout.length, this.conversions.convertingContacts(holdout, from, to).length,
                treated.length, this.conversions.convertingContacts(treated, from, to).length };
    }

    /** The campaign against its holdout group, or null without one. */
    CampaignReport.Holdout holdout(long campaignId) {
        return this.jdbc.sql("""
                select holdout, holdout_converters, treated, treated_converters from campaign_audience_state
                where campaign_id = :id""")
            .param("id", campaignId)
            .query((row, n) -> ReportCalculator.holdout(row.getLong("holdout"), row.getLong("holdout_converters"),
                    row.getLong("treated"), row.getLong("treated_converters")))
            .optional()
            .orElse(null);
    }

    /** One campaign's slices, by dimension then by delivered messages. */
    List<CampaignReport.AudienceSlice> of(long campaignId) {
        List<CampaignReport.AudienceSlice> slices = new ArrayList<>();
        this.jdbc.sql("""
                select dimension, value, delivered, human_clickers, conversions from campaign_audience_slice
                where campaign_id = :id order by dimension, delivered desc, value""")
            .param("id", campaignId)
            .query((row,
                    n) -> slices.add(new CampaignReport.AudienceSlice(row.getString("dimension"),
                            row.getString("value"), row.getLong("delivered"), row.getLong("human_clickers"),
                            (row.getLong("delivered") >= CampaignReport.AudienceSlice.MINIMUM_SAMPLE)
                                    ? Ratios.percent(row.getLong("human_clickers"), row.getLong("delivered")) : null,
                            row.getLong("conversions"))))
            .list();
        return slices;
    }

}
