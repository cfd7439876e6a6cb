package org.smscampaign.messaging;

/**
 * What counts as delivered for a step of a cascade: the delivery receipt, or (where the
 * channel reports it: WhatsApp, RCS) the person having read it. A step not delivered in
 * that sense within its timeout hands over to the next channel.
 */
public enum DeliveredWhen {

    DELIVERED, READ

}
