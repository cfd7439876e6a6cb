package org.smscampaign.web.browser;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.share.Shares;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every page a person opens (enumerated from the page controllers' {@code @GetMapping}s),
 * on a desktop (1440×900) and a phone (390×844): axe-core finds no serious or critical
 * accessibility violation, the phone never scrolls sideways, the console logs no error (a
 * style or script the Content-Security-Policy blocks shows there). A screenshot of each
 * lands in target/screenshots/page-*.
 */
@PlatformIT
class EveryPageBrowserIT extends BrowserSession {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Shares shares;

    private static String path(String url) {
        return URI.create(url).getPath();
    }

    private Long first(String sql) {
        return this.jdbc.sql(sql).query(Long.class).optional().orElse(null);
    }

    /** Each page by a short name, with the demo data's records to show. */
    private Map<String, String> pages() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("dashboards", "/dashboards");
        Long launched = first("select id from campaign where status <> 'DRAFT' order by id limit 1");
        Long draft = first("select id from campaign where status = 'DRAFT' order by id limit 1");
        pages.put("dashboard-campaign", "/dashboards/campaigns/" + launched);
        pages.put("campaigns", "/campaigns");
        pages.put("campaigns-new", "/campaigns/new");
        pages.put("campaign-launched", "/campaigns/" + launched);
        if (draft != null) {
            pages.put("campaign-preflight", "/campaigns/" + draft);
            pages.put("campaign-edit", "/campaigns/" + draft + "/edit");
        }
        Long contact = first("select id from contact order by id limit 1");
        pages.put("contacts", "/contacts");
        pages.put("contacts-new", "/contacts/new");
        pages.put("contact", "/contacts/" + contact);
        pages.put("contact-edit", "/contacts/" + contact + "/edit");
        pages.put("imports", "/contacts/imports");
        Long contactImport = first("select id from contact_import order by id limit 1");
        if (contactImport != null) {
            pages.put("import", "/contacts/imports/" + contactImport);
        }
        pages.put("segments", "/segments");
        pages.put("segments-new", "/segments/new");
        pages.put("segment", "/segments/" + first("select id from segment order by id limit 1"));
        pages.put("lists", "/lists");
        pages.put("links", "/links");
        pages.put("link", "/links/" + first("select id from short_link order by id limit 1"));
        pages.put("messages", "/messages");
        pages.put("message", "/messages/" + first("select id from outbound_message order by id limit 1"));
        pages.put("replies", "/messages/replies");
        pages.put("opt-outs", "/messages/opt-outs");
        pages.put("templates", "/messages/templates");
        pages.put("reports", "/reports");
        pages.put("report-history", "/reports/history");
        pages.put("reports-daily", "/reports/daily");
        pages.put("reports-weekly", "/reports/weekly");
        pages.put("reports-monthly", "/reports/monthly");
        Long report = first("select id from report_run order by id limit 1");
        if (report != null) {
            pages.put("report-mail", "/reports/history/" + report);
        }
        pages.put("admin-users", "/admin/users");
        pages.put("admin-api-keys", "/admin/api-keys");
        pages.put("admin-link-tracking", "/admin/link-tracking");
        pages.put("admin-messaging", "/admin/messaging");
        pages.put("admin-exchange-rates", "/admin/exchange-rates");
        pages.put("admin-webhooks", "/admin/webhooks");
        Long webhook = first("select id from webhook_endpoint order by id limit 1");
        if (webhook != null) {
            pages.put("admin-webhook", "/admin/webhooks/" + webhook);
        }
        pages.put("admin-reports", "/admin/reports");
        pages.put("admin-alerts", "/admin/alerts");
        pages.put("notifications", "/notifications");
        pages.put("problems", "/problems");
        pages.put("problem", "/problems/validation-failed");
        pages.put("not-found", "/no-such-page");
        // Shared links: the list, and what a link opens for someone without an account.
        pages.put("shares", "/shares");
        pages.put("shared-dashboard", path(this.shares.shareCampaign(launched, null, "every page", "admin").url()));
        pages.put("shared-summary",
                path(this.shares
                    .shareSummary(LocalDate.now(ZoneOffset.UTC).minusDays(6), LocalDate.now(ZoneOffset.UTC), null, null,
                            "admin")
                    .url()));
        pages.put("shared-not-found", "/shared/no-such-link");
        return pages;
    }

    @Test
    void everyPageIsAccessibleFitsAPhoneAndLogsNoError() {
        List<String> failures = new ArrayList<>();
        check("login", "/login", failures);

        browser.signIn(PlatformIT.ADMIN, PlatformIT.ADMIN_PASSWORD);
        pages().forEach((name, path) -> check(name, path, failures));

        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " problem(s):\n\n" + String.join("\n\n", failures));
        }
    }

    private void check(String name, String path, List<String> failures) {
        for (boolean phone : new boolean[] { false, true }) {
            if (phone) {
                browser.resize(390, 844);
            }
            else {
                browser.resize(1440, 900);
            }
            browser.consoleErrors();
            browser.open(path);
            String size = phone ? "phone" : "desktop";
            browser.screenshot("page-" + name + "-" + size);
            attempt(failures, name + " (" + size + ")", browser::assertAccessible);
            if (phone) {
                attempt(failures, name + " (" + size + ")", browser::assertNoHorizontalScroll);
            }
            List<String> errors = browser.consoleErrors()
                .stream()
                // the not-found page answers 404 on purpose
                .filter((error) -> !(name.endsWith("not-found") && error.contains("404")))
                .toList();
            if (!errors.isEmpty()) {
                failures.add(name + " (" + size + "): console errors:\n" + String.join("\n", errors));
            }
        }
    }

    private static void attempt(List<String> failures, String page, Runnable check) {
        try {
            check.run();
        }
        catch (AssertionError ex) {
            failures.add(page + ": " + ex.getMessage());
        }
    }

}
