package org.smscampaign.messaging.provider;

import java.net.URI;

import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.MessagingProperties;

/**
 * One message as it goes to the provider.
 *
 * @param id our message id (it travels in the status callback address)
 * @param statusCallback where the provider reports the message's fate
 */
public record OutgoingMessage(long id, Channel channel, String to, String body, String senderName,
        MessagingProperties.Sender sender, URI statusCallback) {

}
