package org.smscampaign.campaign.coupon;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.smscampaign.link.CouponCodes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The conversions' door to the codes campaigns gave. */
@Component
class CouponHolders implements CouponCodes {

    private final JdbcClient jdbc;

    CouponHolders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Holder> find(String code) {
        return this.jdbc.sql("select code, campaign_id, variant, contact_id from campaign_coupon where code = :code")
            .param("code", CouponPattern.normalise(code))
            .query((row, n) -> new Holder(row.getString(1), row.getLong(2), row.getString(3), row.getLong(4)))
            .optional();
    }

    @Override
    public void redeemed(String code, long conversionId, Instant at) {
        this.jdbc.sql("""
                update campaign_coupon set redemptions = redemptions + 1,
                    redeemed_at = coalesce(redeemed_at, :at), conversion_id = coalesce(conversion_id, :conversion)
                where code = :code""")
            .param("at", Timestamp.from(at))
            .param("conversion", conversionId)
            .param("code", CouponPattern.normalise(code))
            .update();
    }

}
