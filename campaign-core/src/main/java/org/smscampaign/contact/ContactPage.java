package org.smscampaign.contact;

import java.util.List;

/** One page of contacts, with the total number matching. */
public record ContactPage(List<ContactSummary> items, long total, int page, int size) {

    public int pages() {
        return (int) Math.max(1, (this.total + this.size - 1) / this.size);
    }

    public boolean hasNext() {
        return this.page + 1 < pages();
    }

    public boolean hasPrevious() {
        return this.page > 0;
    }

}
