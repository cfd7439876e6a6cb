package org.smscampaign.messaging.reply;

/** What a received text asks for. */
public enum ReplyKind {

    OPT_OUT, OPT_IN, HELP, REPLY

}
