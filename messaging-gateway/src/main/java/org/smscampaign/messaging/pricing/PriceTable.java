package org.smscampaign.messaging.pricing;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.PriceQuote;

import org.springframework.stereotype.Component;

/**
 * The one cost model's table: the price of a segment by channel and destination country,
 * else the channel's price for every other country, else the sender's own price. The
 * preflight, every enqueued message and the cascade's next steps all price through here.
 */
@Component
public class PriceTable {

    private final Map<String, BigDecimal> prices = new HashMap<>();

    private final String currency;

    private final DestinationCountries countries = new DestinationCountries();

    PriceTable(MessagingProperties properties) {
        this.currency = properties.pricing().currency();
        for (MessagingProperties.Price price : properties.pricing().prices()) {
            this.prices.put(key(price.channel(), price.country()), price.perSegment());
        }
    }

    /** The price of a segment to a number on a channel, sent by a sender. */
    public PriceQuote quote(Channel channel, String number, MessagingProperties.Sender sender) {
        String country = this.countries.of(number);
        BigDecimal price = (country != null) ? this.prices.get(key(channel, country)) : null;
        if (price != null) {
            return new PriceQuote(country, price, this.currency, PriceQuote.Source.COUNTRY);
        }
        price = this.prices.get(key(channel, null));
        if (price != null) {
            return new PriceQuote(country, price, this.currency, PriceQuote.Source.OTHER_COUNTRIES);
        }
        if (sender != null && sender.costPerSegment() != null) {
            return new PriceQuote(country, sender.costPerSegment(), this.currency, PriceQuote.Source.SENDER);
        }
        return new PriceQuote(country, null, this.currency, PriceQuote.Source.NONE);
    }

    public String currency() {
        return this.currency;
    }

    private static String key(Channel channel, String country) {
        return channel.name() + '/' + ((country != null) ? country : "*");
    }

}
