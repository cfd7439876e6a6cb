package org.smscampaign.messaging.provider;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import com.twilio.base.Page;
import com.twilio.base.Reader;
import com.twilio.base.Resource;
import com.twilio.http.TwilioRestClient;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Walks a Twilio list page by page within bounds (pages, records, time), following a next
 * page only when it is the same query (same path and filters; only the page moves) and
 * not seen before. twilio-java's own auto-paging follows {@code next_page_uri} wherever
 * it points and for as long as it is given one: a provider that pages forever would hold
 * the calling thread for good.
 */
final class ProviderPages {

    /** The query parameters that move from page to page. */
    private static final Set<String> PAGING = Set.of("Page", "PageToken", "PageSize", "AfterSid", "pagetoken");

    private ProviderPages() {
    }

    /** How far a walk may go. */
    record Bounds(int pages, int records, Duration time) {

    }

    /**
     * How a walk ended: the first record {@code wanted} accepted (or null), and why it
     * stopped without one: null when the list was read to its end.
     */
    record Walk<T>(T found, String cutShort, int pages, int records) {

    }

    /**
     * Reads pages until a record is {@code wanted}, the list ends, or a bound is reached.
     * @param domain Twilio's domain of the list ("api", "content")
     */
    static <T extends Resource> Walk<T> walk(Reader<T> reader, TwilioRestClient client, String domain, Bounds bounds,
            Predicate<T> wanted) {
        long deadline = System.nanoTime() + bounds.time().toNanos();
        Page<T> page = reader.firstPage(client);
        String first = page.getUrl(domain);
        // A page that states no address of its own reads "https://api.twilio.comnull":
        // then the first next page sets the query the others must keep to.
        String query = first.endsWith("null") ? null : withoutPaging(first);
        Set<String> seen = new HashSet<>();
        seen.add(first);
        int pages = 1;
        int records = 0;
        while (true) {
            for (T record : page.getRecords()) {
                records++;
                if (wanted.test(record)) {
                    return new Walk<>(record, null, pages, records);
                }
                if (records >= bounds.records()) {
                    return new Walk<>(null, "stopped after " + records + " records", pages, records);
                }
            }
            if (!page.hasNextPage()) {
                return new Walk<>(null, null, pages, records);
            }
            String next = page.getNextPageUrl(domain);
            if (query == null) {
                query = withoutPaging(next);
            }
            if (!withoutPaging(next).equals(query)) {
                return new Walk<>(null, "the next page is another query: " + next, pages, records);
            }
            if (!seen.add(next)) {
                return new Walk<>(null, "the next page was read before: " + next, pages, records);
            }
            if (pages >= bounds.pages()) {
                return new Walk<>(null, "stopped after " + pages + " pages", pages, records);
            }
            if (System.nanoTime() > deadline) {
                return new Walk<>(null, "stopped after " + bounds.time().toSeconds() + " s", pages, records);
            }
            if (Thread.currentThread().isInterrupted()) {
                return new Walk<>(null, "stopped: shutting down", pages, records); // the
                                                                                   // flag
                                                                                   // stays
                                                                                   // set
            }
            page = reader.nextPage(page, client);
            pages++;
        }
    }

    /** Host, path and filters of a page's address, without what moves between pages. */
    static String withoutPaging(String url) {
        UriComponents parts = UriComponentsBuilder.fromUriString(url).build();
        MultiValueMap<String, String> filters = new LinkedMultiValueMap<>();
        parts.getQueryParams().forEach((name, values) -> {
            if (!PAGING.contains(name)) {
                filters.put(name, values);
            }
        });
        return parts.getHost() + parts.getPath() + "?" + new TreeMap<>(filters);
    }

}
