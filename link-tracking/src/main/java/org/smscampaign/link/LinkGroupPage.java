package org.smscampaign.link;

import java.util.List;

/**
 * A page of link groups.
 *
 * @param page the page number, from 0
 * @param total groups on all pages
 * @param totalLinks links in all the groups
 */
public record LinkGroupPage(List<LinkGroup> items, long total, long totalLinks, int page, int size) {

    public int pages() {
        return (int) Math.max(1, (this.total + this.size - 1) / this.size);
    }

    /** The position of the first group on this page, from 1 (0 when there is none). */
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
        return last() < this.total;
    }

}
