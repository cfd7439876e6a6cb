package org.smscampaign.web.contact;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.Reachability;

import org.springframework.stereotype.Component;

/**
 * What the platform learned about reaching a contact's number on WhatsApp and RCS, in
 * words for the contact page. SMS is never skipped, so it is not listed.
 */
@Component
class ChannelReachability {

    static final List<Channel> CHANNELS = List.of(Channel.WHATSAPP, Channel.RCS);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH)
        .withZone(ZoneOffset.UTC);

    private final Reachability reachability;

    private final Clock clock;

    ChannelReachability(Reachability reachability, Clock clock) {
        this.reachability = reachability;
        this.clock = clock;
    }

    /** One line per channel; empty for an erased contact (no number). */
    List<Entry> of(String phone) {
        if (phone == null) {
            return List.of();
        }
        Map<Channel, Reachability.Unreachable> learned = this.reachability.of(phone)
            .stream()
            .collect(Collectors.toMap(Reachability.Unreachable::channel, Function.identity(), (a, b) -> a));
        Instant now = this.clock.instant();
        List<Entry> entries = new ArrayList<>(CHANNELS.size());
        for (Channel channel : CHANNELS) {
            Reachability.Unreachable known = learned.get(channel);
            if (known == null) {
                entries.add(new Entry(channel, name(channel), false, false,
                        "Nothing learned yet: tried whenever a cascade includes " + name(channel) + "."));
            }
            else {
                boolean skipped = known.skipUntil().isAfter(now);
                entries.add(new Entry(channel, name(channel), true, skipped, describe(known, skipped)));
            }
        }
        return entries;
    }

    void forget(String phone, Channel channel) {
        this.reachability.forget(phone, channel);
    }

    private static String describe(Reachability.Unreachable known, boolean skipped) {
        String code = (known.errorCode() != null) ? " (error " + known.errorCode() + ")" : "";
        String what = (known.reason() == Reachability.Reason.NOT_ON_CHANNEL)
                ? notOn(known.channel()) + " since " + DAY.format(known.learnedAt()) + code
                : "A message failed on " + name(known.channel()) + " on " + DAY.format(known.learnedAt()) + code;
        return what + (skipped ? ", skipped until " + DAY.format(known.skipUntil())
                : "; no longer skipped since " + DAY.format(known.skipUntil()));
    }

    private static String notOn(Channel channel) {
        return (channel == Channel.RCS) ? "Cannot receive RCS" : "Not on " + name(channel);
    }

    static String name(Channel channel) {
        return switch (channel) {
            case SMS -> "SMS";
            case WHATSAPP -> "WhatsApp";
            case RCS -> "RCS";
        };
    }

    /**
     * What is known of one channel.
     *
     * @param learned whether anything was learned (the page offers to clear it)
     * @param skipped whether cascades skip the channel for this number now
     */
    record Entry(Channel channel, String name, boolean learned, boolean skipped, String text) {

        public String slug() {
            return this.channel.name().toLowerCase(java.util.Locale.ROOT);
        }

    }

}
