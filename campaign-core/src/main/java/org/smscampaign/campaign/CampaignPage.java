package org.smscampaign.campaign;

import java.util.List;

/**
 * One page of the campaign list.
 *
 * @param page the page number, from 0
 * @param total campaigns on all pages
 */
public record CampaignPage(List<CampaignView> items, long total, int page, int size) {

    public int pages() {
        return (int) Math.max(1, (this.total + this.size - 1) / this.size);
    }

    /** The position of the first item on this page, from 1 (0 when there is none). */
    public long first() {
        return this.items.isEmpty() ? 0 : (long) this.page * this.size + 1;
    }

    public long last() {
        return (long) this.page * this.size + this.items.size();
    }

    public boolean hasPrevious() {
        return this.page > 0;
    }

    public boolean hasNext() {
        return this.last() < this.total;
    }

}
