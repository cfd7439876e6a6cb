package org.smscampaign.web.error;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The stable problem types of our JSON errors. The {@code type} member of every problem
 * is {@code /problems/<slug>}: clients may rely on the slug, never on the wording of the
 * title or the detail. Documented at {@code /problems}.
 */
public enum ProblemType {

    BAD_REQUEST("bad-request", HttpStatus.BAD_REQUEST, "The request could not be understood."),
    VALIDATION_FAILED("validation-failed", HttpStatus.BAD_REQUEST,
            "One or more fields are invalid; see the errors member."),
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED,
            "Authentication is required: sign in, or send a valid API key in the X-API-Key header."),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Your role does not allow this action."),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "No such resource."),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED,
            "The resource does not support this HTTP method."),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE,
            "The resource cannot be represented in a requested media type."),
    REQUEST_TIMEOUT("request-timeout", HttpStatus.REQUEST_TIMEOUT,
            "The request did not arrive in time, or too slowly; the connection was closed."),
    CONFLICT("conflict", HttpStatus.CONFLICT, "The request conflicts with the current state of the resource."),
    NO_AUDIENCE("no-audience", HttpStatus.UNPROCESSABLE_CONTENT,
            "The campaign has no audience: choose segments or lists, or set audience.everyone, before launching."),
    LINK_ADDRESS_NOT_REACHABLE("link-address-not-reachable", HttpStatus.UNPROCESSABLE_CONTENT,
            "The campaign's short links would point at an address recipients cannot open (loopback, private, "
                    + "single-label or not in DNS): set the brand's link address, then launch."),
    GOAL_JUDGED("goal-judged", HttpStatus.UNPROCESSABLE_CONTENT,
            "The goal was judged at the end of its evaluation window: its target is read-only."),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "The request body is too large."),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "The request body has a media type this resource does not accept."),
    TOO_MANY_REQUESTS("too-many-requests", HttpStatus.TOO_MANY_REQUESTS, "Too many requests; retry later."),
    BUSY("busy", HttpStatus.TOO_MANY_REQUESTS,
            "As many heavy reads (segment counts and previews, dashboards, reports, exports) run as the platform "
                    + "allows at once, so that sending, webhooks and links keep their database connections: retry "
                    + "after the seconds in the Retry-After header."),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR,
            "An unexpected error occurred; it has been logged."),
    SERVICE_UNAVAILABLE("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE,
            "The service is temporarily unavailable; retry later."),
    WEBHOOK_URL_REFUSED("webhook-url-refused", HttpStatus.UNPROCESSABLE_CONTENT,
            "Webhooks only go to https addresses on public hosts: not loopback, private, link-local or reserved "
                    + "addresses, and no user name or password in the address."),
    SHARE_LINK_GONE("share-link-gone", HttpStatus.GONE,
            "The shared link has expired or was revoked: ask whoever sent it for a new one."),
    OUTSIDE_CUSTOMER_WINDOW("outside-customer-window", HttpStatus.UNPROCESSABLE_CONTENT,
            "Free text on WhatsApp may only answer a person within 24 hours of their last WhatsApp message to "
                    + "you; outside that window send an approved template."),
    TEMPLATE_NOT_APPROVED("template-not-approved", HttpStatus.UNPROCESSABLE_CONTENT,
            "The template is not one of the account's templates approved by WhatsApp (unknown, pending or "
                    + "rejected): choose an approved one from GET /api/v1/templates."),
    KEYWORD_TAKEN("keyword-taken", HttpStatus.CONFLICT,
            "A reply keyword is held by another active campaign on the same sender (campaignId and campaignName "
                    + "name it, activeUntil says when it is freed when known): choose another word or sender."),
    NUMBER_OPTED_OUT("number-opted-out", HttpStatus.CONFLICT,
            "The number opted out: nothing is sent to it, not even an answer from the inbox."),
    UNKNOWN_COUPON("unknown-coupon", HttpStatus.UNPROCESSABLE_CONTENT,
            "No campaign gave this coupon code: check the code as the customer gave it."),
    COUPON_POOL_TOO_SMALL("coupon-pool-too-small", HttpStatus.UNPROCESSABLE_CONTENT,
            "The campaign's coupon pool has fewer codes left than the campaign has recipients: import more codes "
                    + "into the pool or choose another one."),
    COUPON_PATTERN_TOO_WEAK("coupon-pattern-too-weak", HttpStatus.UNPROCESSABLE_CONTENT,
            "The coupon pattern makes too few codes for the audience: codes could be guessed. Add characters in "
                    + "braces.");

    private final String slug;

    private final HttpStatus status;

    private final String description;

    ProblemType(String slug, HttpStatus status, String description) {
        this.slug = slug;
        this.status = status;
        this.description = description;
    }

    public String slug() {
        return this.slug;
    }

    public HttpStatus status() {
        return this.status;
    }

    public String description() {
        return this.description;
    }

    public URI uri() {
        return URI.create("/problems/" + this.slug);
    }

    /**
     * The generic type of a status that has no more specific one (never a specific type
     * such as no-audience).
     */
    public static ProblemType forStatus(HttpStatusCode status) {
        return Arrays.stream(values())
            .filter((type) -> type.status.value() == status.value() && type != VALIDATION_FAILED && type != NO_AUDIENCE
                    && type != GOAL_JUDGED && type != OUTSIDE_CUSTOMER_WINDOW && type != TEMPLATE_NOT_APPROVED
                    && type != KEYWORD_TAKEN && type != NUMBER_OPTED_OUT && type != UNKNOWN_COUPON
                    && type != COUPON_POOL_TOO_SMALL && type != COUPON_PATTERN_TOO_WEAK)
            .findFirst()
            .orElse(status.is4xxClientError() ? BAD_REQUEST : INTERNAL_ERROR);
    }

    public static Optional<ProblemType> ofSlug(String slug) {
        return Arrays.stream(values()).filter((type) -> type.slug.equals(slug)).findFirst();
    }

    /** A problem of this type; the title is the status' reason phrase. */
    public ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(this.status, detail);
        problem.setType(uri());
        problem.setTitle(this.status.getReasonPhrase());
        return problem;
    }

}
