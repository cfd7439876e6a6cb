package org.smscampaign.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * WhatsApp's customer-service window: free text may go to a person only within
 * {@code sms.messaging.templates.customer-window} (24 hours) of their last message to us
 * on WhatsApp; outside it, business-initiated messages must be approved templates (Twilio
 * answers 63016 otherwise).
 */
@Service
public class CustomerWindows {

    private final JdbcClient jdbc;

    private final MessagingProperties.Templates settings;

    private final Clock clock;

    CustomerWindows(JdbcClient jdbc, MessagingProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.settings = properties.templates();
        this.clock = clock;
    }

    /** Whether free text may go to the number on the channel now. */
    public boolean open(Channel channel, String number) {
        return channel != Channel.WHATSAPP || !openAmong(Set.of(Channel.number(number))).isEmpty();
    }

    /** The numbers whose WhatsApp window is open now. */
    @Transactional(readOnly = true)
    public Set<String> openAmong(Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(this.jdbc.sql("""
                select distinct from_number from inbound_message
                where from_number = any(cast(:numbers as varchar[])) and channel = 'WHATSAPP'
                  and received_at > :since""")
            .param("numbers", numbers.toArray(String[]::new))
            .param("since", Timestamp.from(this.clock.instant().minus(this.settings.customerWindow())))
            .query(String.class)
            .list());
    }

}
