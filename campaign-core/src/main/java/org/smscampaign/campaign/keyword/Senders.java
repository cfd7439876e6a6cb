package org.smscampaign.campaign.keyword;

import java.util.Map;
import java.util.Objects;

import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.MessagingProperties;

/**
 * Which texts a configured sender receives. A sender with a number receives texts to that
 * number on any channel; one without (a messaging service) receives those to numbers no
 * other sender has.
 */
final class Senders {

    private final Map<String, MessagingProperties.Sender> senders;

    Senders(MessagingProperties messaging) {
        this.senders = messaging.senders();
    }

    /** What two senders sharing a keyword would collide on: the number, else the name. */
    String key(String sender) {
        MessagingProperties.Sender configured = this.senders.get(sender);
        return (configured != null && configured.from() != null) ? Channel.number(configured.from())
                : "sender:" + sender;
    }

    /** Whether a text sent to {@code to} reached this sender. */
    boolean receives(String sender, String to) {
        MessagingProperties.Sender configured = this.senders.get(sender);
        String number = Channel.number(to);
        if (configured == null || number == null) {
            return false;
        }
        if (configured.from() != null) {
            return Channel.number(configured.from()).equals(number);
        }
        return this.senders.values()
            .stream()
            .map(MessagingProperties.Sender::from)
            .filter(Objects::nonNull)
            .noneMatch((from) -> Channel.number(from).equals(number));
    }

}
