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
    REJECT,

    /**
     * Accepts every message but answers only after {@link #SLOW_ANSWER}, as a provider
     * under strain: within the request timeout, so each answer is the real one.
     */
    SLOW,

    /**
     * Refuses the connection at once, as an address nobody listens on: nothing was
     * processed (the Twilio sender's "not connected").
     */
    UNREACHABLE;

    /** How long a {@link #SLOW} provider takes to answer a send. */
    public static final java.time.Duration SLOW_ANSWER = java.time.Duration.ofSeconds(5);

}
