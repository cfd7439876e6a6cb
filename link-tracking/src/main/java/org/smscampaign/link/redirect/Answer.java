package org.smscampaign.link.redirect;

/**
 * What the redirector answers, independent of the server that carries it: a redirect
 * (status and location) or a small fixed page, with the headers that go with it.
 *
 * @param retryAfter seconds for a Retry-After header, or 0
 * @param allow methods for an Allow header, or null
 */
record Answer(int status, String location, String contentType, byte[] body, int retryAfter, String allow) {

    private static final byte[] NONE = new byte[0];

    static final Answer NOT_FOUND = new Answer(404, null, "text/html;charset=UTF-8", NotFoundPage.HTML, 0, null);

    /** A link an admin disabled: gone, with a page that says so and sends nobody on. */
    static final Answer DISABLED = new Answer(410, null, "text/html;charset=UTF-8", NotFoundPage.DISABLED, 0, null);

    static final Answer TOO_MANY_MISSES = new Answer(429, null, null, NONE, 60, null);

    static final Answer METHOD_NOT_ALLOWED = new Answer(405, null, null, NONE, 0, "GET, HEAD");

    static final Answer UNAVAILABLE = new Answer(503, null, null, NONE, 5, null);

    static final Answer ROBOTS = new Answer(200, null, "text/plain;charset=UTF-8", NotFoundPage.ROBOTS, 0, null);

    static Answer redirect(int status, String location) {
        return new Answer(status, location, null, NONE, 0, null);
    }

    boolean isRedirect() {
        return this.location != null;
    }

    /**
     * The Content-Security-Policy of pages: nothing may load but the page's own inline
     * style.
     */
    static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

}
