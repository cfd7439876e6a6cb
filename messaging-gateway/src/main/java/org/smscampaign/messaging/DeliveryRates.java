package org.smscampaign.messaging;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.smscampaign.messaging.pricing.DestinationCountries;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How often WhatsApp and RCS messages were delivered, per destination country, learned
 * from every past message that reached a final status (delivered, undelivered or failed):
 * the cascade preflight's reachability rates.
 */
@Service
public class DeliveryRates {

    private final JdbcClient jdbc;

    private final DestinationCountries countries = new DestinationCountries();

    DeliveryRates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Messages sent on a channel to a country, and how many of them were delivered. */
    public record Rate(long sent, long delivered) {

        public Rate plus(Rate other) {
            return new Rate(this.sent + other.sent, this.delivered + other.delivered);
        }

        /** The share delivered (0 when none was sent). */
        public double share() {
            return (this.sent > 0) ? (double) this.delivered / this.sent : 0;
        }

    }

    /**
     * By channel (WhatsApp, RCS) and destination country (ISO alpha-2, "" when the number
     * tells none).
     */
    @Transactional(readOnly = true)
    public Map<Channel, Map<String, Rate>> learned() {
        Map<Channel, Map<String, Rate>> rates = new EnumMap<>(Channel.class);
        // Grouped by number without its last four digits, which never decide the country.
        this.jdbc.sql("""
                select channel, left(to_number, greatest(4, length(to_number) - 4)) as prefix, count(*) as sent,
                    count(*) filter (where status = 'DELIVERED') as delivered
                from outbound_message
                where channel in ('WHATSAPP', 'RCS') and status in ('DELIVERED', 'UNDELIVERED', 'FAILED')
                group by 1, 2""").query((row, n) -> {
            String country = this.countries.of(row.getString("prefix") + "0000");
            return rates.computeIfAbsent(Channel.valueOf(row.getString("channel")), (c) -> new HashMap<>())
                .merge((country != null) ? country : "", new Rate(row.getLong("sent"), row.getLong("delivered")),
                        Rate::plus);
        }).list();
        return rates;
    }

}
