package org.smscampaign.messaging;

import org.smscampaign.messaging.pricing.PriceTable;

import org.springframework.stereotype.Service;

/**
 * What a message would cost, by the same table that prices every message the gateway
 * queues (see {@link MessagingProperties.Pricing}): for estimates before sending.
 */
@Service
public class Prices {

    private final PriceTable table;

    private final MessagingProperties properties;

    Prices(PriceTable table, MessagingProperties properties) {
        this.table = table;
        this.properties = properties;
    }

    /**
     * The price of a segment to a number from a configured sender, on the sender's
     * channel.
     */
    public PriceQuote quote(String senderName, String number) {
        MessagingProperties.Sender sender = this.properties.senders().get(senderName);
        Channel channel = (sender != null) ? sender.channel() : Channel.SMS;
        return this.table.quote(channel, number, sender);
    }

    /** The currency of the table's prices. */
    public String currency() {
        return this.table.currency();
    }

}
