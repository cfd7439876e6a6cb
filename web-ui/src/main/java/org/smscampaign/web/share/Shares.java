package org.smscampaign.web.share;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.CampaignView;
import org.smscampaign.web.report.ReportRange;
import org.smscampaign.web.report.Summaries;
import org.smscampaign.web.security.redirect.PublicAddressProperties;

import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Read-only links to a campaign's dashboard or a summary, for people without an account:
 * made by managers and admins, opened by anyone holding one until it expires or is
 * revoked.
 */
@Service
public class Shares {

    static final int LABEL_LENGTH = 120;

    private final ShareRows rows;

    private final ShareTokens tokens;

    private final ShareProperties properties;

    private final CampaignManagement campaigns;

    private final PublicAddressProperties address;

    private final Clock clock;

    private final Summaries summaries;

    Shares(ShareRows rows, ShareTokens tokens, ShareProperties properties, CampaignManagement campaigns,
            PublicAddressProperties address, Clock clock, Summaries summaries) {
        this.summaries = summaries;
        this.rows = rows;
        this.tokens = tokens;
        this.properties = properties;
        this.campaigns = campaigns;
        this.address = address;
        this.clock = clock;
    }

    /**
     * A link to a campaign's dashboard, working for the given days (null: the default).
     */
    public ShareLink shareCampaign(long campaignId, Integer days, String label, String by) {
        CampaignView campaign = this.campaigns.find(campaignId)
            .orElseThrow(() -> new ShareProblem("There is no campaign " + campaignId + " to share."));
        return create(ShareLink.Kind.CAMPAIGN, campaignId, null, null, campaign.name(), days, label, by);
    }

    /**
     * A link to the summary of the days from and to (both inclusive, in the account's
     * zone).
     */
    public ShareLink shareSummary(LocalDate from, LocalDate to, Integer days, String label, String by) {
        if (from == null || to == null) {
            throw new ShareProblem("Choose the first and the last day of the summary to share.");
        }
        ReportRange range = new ReportRange(from, to);
        if (range.problem() != null) {
            throw new ShareProblem(range.problem());
        }
        return create(ShareLink.Kind.SUMMARY, null, from, to,
                "Summary " + range.label() + " (" + this.summaries.zone().getId() + ")", days, label, by);
    }

    private ShareLink create(ShareLink.Kind kind, Long campaignId, LocalDate from, LocalDate to, String title,
            Integer days, String label, String by) {
        int lifetime = (days != null) ? days : this.properties.defaultDays();
        if (lifetime < 1 || lifetime > this.properties.maxDays()) {
            throw new ShareProblem("A link works for 1 to " + this.properties.maxDays() + " days.");
        }
        String note = (label != null && !label.isBlank()) ? label.strip() : null;
        if (note != null && note.length() > LABEL_LENGTH) {
            throw new ShareProblem("Keep the label to " + LABEL_LENGTH + " characters.");
        }
        // To the second: the token carries the expiry in seconds.
        Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
        long id = this.rows.insert(kind, campaignId, from, to, title, note, by, now,
                now.plus(Duration.ofDays(lifetime)));
        return view(this.rows.find(id).orElseThrow());
    }

    /** The newest links first, all or a campaign's. */
    public List<ShareLink> recent(Long campaignId, int limit) {
        return this.rows.recent(campaignId, limit).stream().map(this::view).toList();
    }

    public Optional<ShareLink> find(long id) {
        return this.rows.find(id).map(this::view);
    }

    /**
     * Stops a link at once (the next request for it is refused); false if it did not
     * exist or was already revoked.
     */
    public boolean revoke(long id, String by) {
        return this.rows.revoke(id, by, this.clock.instant());
    }

    /** What a token opens now, without counting an opening. */
    Opening peek(String token) {
        Optional<ShareTokens.Claim> claim = this.tokens.verify(token);
        if (claim.isEmpty()) {
            return Opening.UNKNOWN;
        }
        if (claim.get().expired(this.clock.instant())) {
            // Only this server signs tokens: an expired one was a link once.
            return Opening.GONE;
        }
        Optional<ShareRows.Row> row = this.rows.find(claim.get().id())
            // A token of a row with another expiry was not made for this row.
            .filter((r) -> r.expiresAt().equals(claim.get().expiresAt()));
        if (row.isEmpty()) {
            return Opening.UNKNOWN;
        }
        ShareLink link = view(row.get());
        return link.active() ? new Opening(link) : Opening.GONE;
    }

    /** What a token opens now, counted as one more opening if it does. */
    Opening open(String token) {
        Opening opening = peek(token);
        if (opening.link() != null) {
            this.rows.opened(opening.link().id(), this.clock.instant());
        }
        return opening;
    }

    private ShareLink view(ShareRows.Row row) {
        Instant now = this.clock.instant();
        ShareLink.Status status = (row.revokedAt() != null) ? ShareLink.Status.REVOKED
                : (now.isBefore(row.expiresAt()) ? ShareLink.Status.ACTIVE : ShareLink.Status.EXPIRED);
        return new ShareLink(row.id(), row.kind(), row.campaignId(), row.summaryFrom(), row.summaryTo(), row.title(),
                row.label(), row.createdBy(), row.createdAt(), row.expiresAt(), row.revokedAt(), row.revokedBy(),
                row.lastOpenedAt(), row.openCount(), status,
                base() + "/shared/" + this.tokens.of(row.id(), row.expiresAt()));
    }

    /**
     * The public address if set, else that of the request being answered (outside a
     * request: none, the address is relative).
     */
    private String base() {
        if (this.address.publicBaseUrl() != null) {
            return this.address.publicBaseUrl().toString().replaceFirst("/+$", "");
        }
        if (RequestContextHolder.getRequestAttributes() == null) {
            return "";
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    /**
     * What a token opens: a link that still works, GONE (expired or revoked) or UNKNOWN
     * (never made here).
     */
    record Opening(ShareLink link, Outcome outcome) {

        static final Opening UNKNOWN = new Opening(null, Outcome.UNKNOWN);

        static final Opening GONE = new Opening(null, Outcome.GONE);

        Opening(ShareLink link) {
            this(link, Outcome.SHOWN);
        }

        enum Outcome {

            SHOWN, GONE, UNKNOWN

        }

    }

}
