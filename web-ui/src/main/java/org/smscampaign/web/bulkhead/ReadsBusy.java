package org.smscampaign.web.bulkhead;

import java.time.Duration;

/** A heavy read refused because as many as allowed run already: retry after a while. */
public class ReadsBusy extends RuntimeException {

    private final Duration retryAfter;

    ReadsBusy(int running, Duration retryAfter) {
        super(running + " heavy reads (segment counts, dashboards, reports, exports) are running, as many as "
                + "allowed at once; retry in " + retryAfter.toSeconds() + " s.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return this.retryAfter;
    }

}
