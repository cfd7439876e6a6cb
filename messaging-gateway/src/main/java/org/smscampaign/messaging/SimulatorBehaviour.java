package org.smscampaign.messaging;

/** How the simulated provider answers, for tests and demos of failures. */
public enum SimulatorBehaviour {

    /** Accepts every message and reports its fate later. */
    NORMAL,

    /** Answers 429 (error 20429, too many requests; nothing was processed). */
    THROTTLE,

    /** Answers 503: the provider is down; nothing was processed. */
    SERVER_ERROR,

    /** Accepts the message, then answers after the platform stopped waiting. */
    TIMEOUT,

    /** Refuses every message for good (21211, invalid To number). */
    REJECT

}
