package org.smscampaign.web.share;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * What the share forms on the dashboard and the summary offer
 * ({@code ${@shareForms.choices()}} in templates).
 */
@Component("shareForms")
public class ShareForms {

    private final ShareProperties properties;

    ShareForms(ShareProperties properties) {
        this.properties = properties;
    }

    /** The lifetimes offered, in days. */
    public List<Integer> choices() {
        return this.properties.choices();
    }

    public int defaultDays() {
        return this.properties.defaultDays();
    }

    public int labelLength() {
        return Shares.LABEL_LENGTH;
    }

}
