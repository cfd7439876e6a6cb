package org.smscampaign.messaging.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.provider.SmsSender;
import org.smscampaign.messaging.provider.StatedPrice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks the provider what the messages it took cost, since its status callbacks say
 * nothing of it: each message once it reached its final status (after a delay: the
 * provider prices a message shortly after it went out), again with growing pauses while
 * it has no price yet, at most {@code max-attempts} times; then the price table's
 * estimate stands. Claims are row locks, so instances share the work; the provider is
 * asked outside any transaction.
 */
@Component
public class PriceFetcher {

    private static final Logger log = LoggerFactory.getLogger(PriceFetcher.class);

    /** Messages finished longer ago than this are not asked about any more. */
    private static final String MAX_AGE = "7 days";

    private final JdbcClient jdbc;

    private final TransactionTemplate transaction;

    private final SmsSender provider;

    private final MessagingProperties.PriceFetch settings;

    PriceFetcher(JdbcClient jdbc, TransactionTemplate transaction, SmsSender provider, MessagingProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.provider = provider;
        this.settings = properties.pricing().fetch();
    }

    private record Unpriced(long id, String sid, Long campaignId) {

    }

    @Scheduled(fixedDelayString = "${sms.messaging.pricing.fetch.interval:5s}", initialDelay = 7_000)
    void run() {
        if (this.settings.enabled()) {
            fetch();
        }
    }

    /** One round: claims a batch of unpriced messages and asks for their prices. */
    public int fetch() {
        List<Unpriced> due = claim();
        if (due.isEmpty()) {
            return 0;
        }
        Map<String, StatedPrice> prices;
        try {
            prices = this.provider.prices(due.stream().map(Unpriced::sid).toList());
        }
        catch (RuntimeException ex) {
            log.warn("Asking the provider for {} prices failed ({}); asking again later", due.size(), ex.getMessage());
            return 0;
        }
        List<Long> ids = new ArrayList<>();
        List<BigDecimal> amounts = new ArrayList<>();
        List<String> currencies = new ArrayList<>();
        for (Unpriced message : due) {
            StatedPrice price = prices.get(message.sid());
            if (price != null) {
                ids.add(message.id());
                amounts.add(price.amount());
                currencies.add(price.currency());
            }
        }
        if (!ids.isEmpty()) {
            // The transaction's id tells the rollup that the costs changed.
            this.jdbc.sql("""
                    update outbound_message m set price = p.amount, price_unit = p.currency, price_next_at = null,
                        txid = pg_current_xact_id()::text::bigint
                    from unnest(cast(:ids as bigint[]), cast(:amounts as numeric[]), cast(:currencies as varchar[]))
                        as p(id, amount, currency)
                    where m.id = p.id and m.price is null""")
                .param("ids", ids.toArray(Long[]::new))
                .param("amounts", amounts.toArray(BigDecimal[]::new))
                .param("currencies", currencies.toArray(String[]::new))
                .update();
        }
        return ids.size();
    }

    /**
     * The batch due for asking, each marked as asked once more (and when to ask next) in
     * the claiming transaction.
     */
    private List<Unpriced> claim() {
        return this.transaction.execute((status) -> this.jdbc.sql("""
                with due as (
                    select id from outbound_message
                    where price is null and provider_sid is not null and final_at is not null
                      and final_at > now() - cast(:maxAge as interval)
                      and final_at <= now() - :delay * interval '1 millisecond'
                      and price_checks < :attempts and (price_next_at is null or price_next_at <= now())
                    order by final_at limit :batch
                    for update skip locked)
                update outbound_message m set price_checks = m.price_checks + 1,
                    price_next_at = now() + :delay * power(4, m.price_checks) * interval '1 millisecond'
                from due where m.id = due.id
                returning m.id, m.provider_sid, m.campaign_id""")
            .param("maxAge", MAX_AGE)
            .param("delay", this.settings.delay().toMillis())
            .param("attempts", this.settings.maxAttempts())
            .param("batch", this.settings.batch())
            .query((row, n) -> new Unpriced(row.getLong("id"), row.getString("provider_sid"),
                    row.getObject("campaign_id", Long.class)))
            .list());
    }

}
