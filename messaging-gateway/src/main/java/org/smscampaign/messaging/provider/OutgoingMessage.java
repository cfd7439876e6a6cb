package org.smscampaign.messaging.provider;

import java.net.URI;

import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.TemplateContent;

/**
 * One message as it goes to the provider.
 *
 * @param id our message id (it travels in the status callback address)
 * @param body the free text, or for a template its rendering for people (not sent)
 * @param statusCallback where the provider reports the message's fate
 * @param template the approved template it is sent as, or null for the free text
 */
public record OutgoingMessage(long id, Channel channel, String to, String body, String senderName,
        MessagingProperties.Sender sender, URI statusCallback, TemplateContent template) {

    /** A free text. */
    public OutgoingMessage(long id, Channel channel, String to, String body, String senderName,
            MessagingProperties.Sender sender, URI statusCallback) {
        this(id, channel, to, body, senderName, sender, statusCallback, null);
    }

}
