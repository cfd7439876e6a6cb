package org.smscampaign.campaign.coupon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.smscampaign.campaign.CampaignDraft;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Campaigns' coupon settings and the codes their recipients got. Codes are assigned in
 * the launch's batches, a few statements per batch; the unique constraints on
 * {@code campaign_coupon} keep a resumed launch from giving a person two codes or a code
 * to two people.
 */
@Component
public class CouponStore {

    private static final int GENERATION_ATTEMPTS = 5;

    private final JdbcClient jdbc;

    CouponStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces a campaign's coupon settings (null: no codes). */
    public void write(long campaignId, CampaignDraft.Coupons coupons) {
        this.jdbc.sql("delete from campaign_coupon_setting where campaign_id = :id").param("id", campaignId).update();
        if (coupons == null || coupons.source() == null) {
            return;
        }
        this.jdbc.sql("""
                insert into campaign_coupon_setting (campaign_id, source, pattern, pool_id)
                values (:id, :source, :pattern, :pool)""")
            .param("id", campaignId)
            .param("source", coupons.source().name())
            .param("pattern", (coupons.source() == CampaignDraft.CouponSource.GENERATED) ? coupons.pattern() : null)
            .param("pool", (coupons.source() == CampaignDraft.CouponSource.POOL) ? coupons.poolId() : null)
            .update();
    }

    /** The coupon settings of some campaigns, by id. */
    public Map<Long, CampaignDraft.Coupons> settings(Long[] campaignIds) {
        Map<Long, CampaignDraft.Coupons> settings = new HashMap<>();
        this.jdbc.sql("select * from campaign_coupon_setting where campaign_id = any(:ids)")
            .param("ids", campaignIds)
            .query((row, n) -> settings.put(row.getLong("campaign_id"),
                    new CampaignDraft.Coupons(CampaignDraft.CouponSource.valueOf(row.getString("source")),
                            row.getString("pattern"), row.getObject("pool_id", Long.class))))
            .list();
        return settings;
    }

    /** How many codes of a pool no campaign has taken yet. */
    public long left(long poolId) {
        return this.jdbc.sql("select count(*) from coupon_pool_code where pool_id = :pool and campaign_id is null")
            .param("pool", poolId)
            .query(Long.class)
            .single();
    }

    /** A pool's name, if it exists. */
    public Optional<String> poolName(long poolId) {
        return this.jdbc.sql("select name from coupon_pool where id = :id")
            .param("id", poolId)
            .query(String.class)
            .optional();
    }

    /**
     * A code as recipients would get one, for previews and segment counts: a fresh one
     * from the pattern, or the pool's longest free code. Null when there is none.
     */
    public String sample(CampaignDraft.Coupons coupons) {
        if (coupons == null || coupons.source() == null) {
            return null;
        }
        if (coupons.source() == CampaignDraft.CouponSource.GENERATED) {
            try {
                return CouponPattern.parse(coupons.pattern()).generate();
            }
            catch (IllegalArgumentException ex) {
                return null;
            }
        }
        if (coupons.poolId() == null) {
            return null;
        }
        return this.jdbc.sql("""
                select code from coupon_pool_code where pool_id = :pool and campaign_id is null
                order by length(code) desc, id limit 1""")
            .param("pool", coupons.poolId())
            .query(String.class)
            .optional()
            .orElse(null);
    }

    /**
     * Each recipient's code, assigned now unless they have one already (a resumed
     * launch); runs in the batch's transaction.
     * @throws CouponsExhausted when the pool has too few codes left
     */
    public Map<Long, String> assign(long campaignId, CampaignDraft.Coupons coupons, long[] contacts,
            String[] variants) {
        Map<Long, String> codes = new HashMap<>();
        this.jdbc.sql("""
                select contact_id, code from campaign_coupon
                where campaign_id = :id and contact_id = any(cast(:contacts as bigint[]))""")
            .param("id", campaignId)
            .param("contacts", contacts)
            .query((row, n) -> codes.put(row.getLong(1), row.getString(2)))
            .list();
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < contacts.length; i++) {
            if (!codes.containsKey(contacts[i])) {
                missing.add(i);
            }
        }
        if (missing.isEmpty()) {
            return codes;
        }
        if (coupons.source() == CampaignDraft.CouponSource.POOL) {
            draw(campaignId, coupons.poolId(), contacts, variants, missing, codes);
        }
        else {
            generate(campaignId, CouponPattern.parse(coupons.pattern()), contacts, variants, missing, codes);
        }
        return codes;
    }

    private void draw(long campaignId, long poolId, long[] contacts, String[] variants, List<Integer> missing,
            Map<Long, String> codes) {
        List<String> drawn = this.jdbc.sql("""
                update coupon_pool_code set campaign_id = :campaign, drawn_at = now()
                where id in (select id from coupon_pool_code where pool_id = :pool and campaign_id is null
                    order by id limit :n for update skip locked)
                returning code""")
            .param("campaign", campaignId)
            .param("pool", poolId)
            .param("n", missing.size())
            .query(String.class)
            .list();
        if (drawn.size() < missing.size()) {
            throw new CouponsExhausted(poolName(poolId).orElse("#" + poolId), drawn.size(), missing.size());
        }
        insert(campaignId, contacts, variants, missing, drawn, codes);
        if (missing.stream().anyMatch((i) -> !codes.containsKey(contacts[i]))) {
            throw new IllegalStateException("A pool code of campaign " + campaignId + " was given before");
        }
    }

    private void generate(long campaignId, CouponPattern pattern, long[] contacts, String[] variants,
            List<Integer> missing, Map<Long, String> codes) {
        List<Integer> left = missing;
        for (int attempt = 0; attempt < GENERATION_ATTEMPTS && !left.isEmpty(); attempt++) {
            List<String> fresh = left.stream().map((i) -> pattern.generate()).toList();
            // A shop's imported code of the same shape stays the shop's: drawn later from
            // its
            // pool, it must not have been handed out here.
            Set<String> imported = new HashSet<>(
                    this.jdbc.sql("select code from coupon_pool_code where code = any(:codes)")
                        .param("codes", fresh.toArray(new String[0]))
                        .query(String.class)
                        .list());
            List<Integer> positions = new ArrayList<>();
            List<String> usable = new ArrayList<>();
            for (int i = 0; i < left.size(); i++) {
                if (!imported.contains(fresh.get(i))) {
                    positions.add(left.get(i));
                    usable.add(fresh.get(i));
                }
            }
            insert(campaignId, contacts, variants, positions, usable, codes);
            left = left.stream().filter((i) -> !codes.containsKey(contacts[i])).toList();
        }
        if (!left.isEmpty()) {
            throw new IllegalStateException("The coupon pattern " + pattern + " gives too many codes taken already");
        }
    }

    /** Inserts codes for the recipients at these positions; a taken code is skipped. */
    private void insert(long campaignId, long[] contacts, String[] variants, List<Integer> positions,
            List<String> fresh, Map<Long, String> codes) {
        long[] who = positions.stream().mapToLong((i) -> contacts[i]).toArray();
        String[] which = positions.stream().map((i) -> variants[i]).toArray(String[]::new);
        this.jdbc
            .sql("""
                    insert into campaign_coupon (campaign_id, contact_id, variant, code)
                    select :campaign, c, v, k
                    from unnest(cast(:contacts as bigint[]), cast(:variants as text[]), cast(:codes as text[])) as u(c, v, k)
                    on conflict do nothing
                    returning contact_id, code""")
            .param("campaign", campaignId)
            .param("contacts", who)
            .param("variants", which)
            .param("codes", fresh.toArray(new String[0]))
            .query((row, n) -> codes.put(row.getLong(1), row.getString(2)))
            .list();
    }

}
