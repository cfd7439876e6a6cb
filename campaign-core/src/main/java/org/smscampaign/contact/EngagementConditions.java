package org.smscampaign.contact;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

/**
 * Behaviour rules (what people did with earlier campaigns) as SQL over {@code contact c},
 * so counts stay live. In one campaign (or the last N texts): EXISTS / NOT EXISTS
 * semi-joins on the indexed contact columns of the messages, links, hits, replies and
 * conversions. In any campaign (ever, the last N days, last engagement): the contact's
 * own times of what they last did (kept by EngagementSummary), a test on the row the
 * count scans anyway. Reads other modules' tables by their ids.
 */
final class EngagementConditions {

    static final int MAX_DAYS = 3660;

    static final int MAX_MESSAGES = 100;

    /** Taken by the provider: the funnel's "sent". */
    private static final String SENT = "m.status in ('ACCEPTED', 'SENT', 'DELIVERED', 'UNDELIVERED')";

    /** The reply kinds that are responses (ReplyKind.isResponse). */
    private static final String RESPONSE = "i.kind in ('KEYWORD', 'QUERY', 'OTHER')";

    private final Function<Object, String> param;

    private final Instant now;

    private final String currency;

    EngagementConditions(Function<Object, String> param, Instant now, String currency) {
        this.param = param;
        this.now = now;
        this.currency = currency;
    }

    String sql(ContactCriteria.Condition condition, List<String> values, String path) {
        ContactField field = condition.field();
        scopeAllowed(condition, path);
        return switch (field.kind()) {
            case ACTIVITY -> activity(condition, path);
            case MOMENT -> lastEngaged(condition.operator(), values, path);
            case TOTAL -> total(condition, values, path);
            case REACH -> reach(field, condition.operator());
            default -> throw new IllegalStateException(field.name());
        };
    }

    private static void scopeAllowed(ContactCriteria.Condition condition, String path) {
        ContactField.Kind kind = condition.field().kind();
        int scopes = ((condition.campaignId() != null) ? 1 : 0) + ((condition.withinDays() != null) ? 1 : 0)
                + ((condition.lastMessages() != null) ? 1 : 0);
        if (scopes > 1) {
            throw CriteriaCompiler.refused(path, "choose one of: a campaign, the last days, or the last texts");
        }
        if (scopes > 0 && kind != ContactField.Kind.ACTIVITY && kind != ContactField.Kind.TOTAL) {
            throw CriteriaCompiler.refused(path, condition.field().label() + " takes no campaign or days");
        }
        if (condition.lastMessages() != null && condition.field() != ContactField.CLICKED) {
            throw CriteriaCompiler.refused(path, "only clicks can be judged over the last texts");
        }
        if (condition.campaignId() != null && condition.campaignId() <= 0) {
            throw CriteriaCompiler.refused(path, "choose a campaign");
        }
        if (condition.withinDays() != null && (condition.withinDays() < 1 || condition.withinDays() > MAX_DAYS)) {
            throw CriteriaCompiler.refused(path, "the last days are 1 to " + MAX_DAYS);
        }
        if (condition.lastMessages() != null
                && (condition.lastMessages() < 1 || condition.lastMessages() > MAX_MESSAGES)) {
            throw CriteriaCompiler.refused(path, "the last texts are 1 to " + MAX_MESSAGES);
        }
    }

    private String activity(ContactCriteria.Condition condition, String path) {
        boolean did = condition.operator() == CriteriaOperator.DID;
        if (condition.lastMessages() != null) {
            return lastMessages(did, condition.lastMessages());
        }
        if (condition.campaignId() == null) {
            return summary(did, summaryColumn(condition.field()), condition.withinDays());
        }
        String exists = switch (condition.field()) {
            case RECEIVED -> "select 1 from outbound_message m where m.contact_id = c.id and " + SENT
                    + scope(condition, "m.campaign_id", "m.sent_at");
            case DELIVERED -> "select 1 from outbound_message m where m.contact_id = c.id and m.status = 'DELIVERED'"
                    + scope(condition, "m.campaign_id", "m.sent_at");
            case CLICKED -> "select 1 from short_link l join link_click k on k.link_id = l.id "
                    + "where l.contact_id = c.id and k.human" + scope(condition, "l.campaign_id", "k.occurred_at");
            case CONVERTED -> "select 1 from counted_conversion v where v.contact_id = c.id"
                    + scope(condition, "v.campaign_id", "v.occurred_at");
            case REDEEMED ->
                "select 1 from counted_conversion v where v.contact_id = c.id and v.coupon_code is not null"
                        + scope(condition, "v.campaign_id", "v.occurred_at");
            case REPLIED -> "select 1 from inbound_message i where i.contact_id = c.id and " + RESPONSE
                    + scope(condition, "i.campaign_id", "i.received_at");
            case QUERIED -> "select 1 from inbound_message i where i.contact_id = c.id and i.kind = 'QUERY'"
                    + scope(condition, "i.campaign_id", "i.received_at");
            default -> throw new IllegalStateException(condition.field().name());
        };
        return (did ? "exists (" : "not exists (") + exists + ")";
    }

    /**
     * In any campaign (ever, or in the last N days): the contact's time of the last such
     * event (kept by EngagementSummary) instead of their events.
     */
    private String summary(boolean did, String column, Integer withinDays) {
        if (withinDays == null) {
            return column + (did ? " is not null" : " is null");
        }
        String since = this.param.apply(this.now.minus(withinDays, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC));
        return did ? column + " >= " + since : "(" + column + " is null or " + column + " < " + since + ")";
    }

    private static String summaryColumn(ContactField field) {
        return switch (field) {
            case RECEIVED -> "c.last_sent_at";
            case DELIVERED -> "c.last_delivered_at";
            case CLICKED -> "c.last_click_at";
            case CONVERTED -> "c.last_conversion_at";
            case REDEEMED -> "c.last_redeemed_at";
            case REPLIED -> "c.last_response_at";
            case QUERIED -> "c.last_query_at";
            default -> throw new IllegalStateException(field.name());
        };
    }

    private String scope(ContactCriteria.Condition condition, String campaignColumn, String timeColumn) {
        if (condition.campaignId() != null) {
            return " and " + campaignColumn + " = " + this.param.apply(condition.campaignId());
        }
        if (condition.withinDays() != null) {
            return " and " + timeColumn + " >= " + this.param
                .apply(this.now.minus(condition.withinDays(), ChronoUnit.DAYS).atOffset(ZoneOffset.UTC));
        }
        return "";
    }

    /**
     * Clicked one of the last N texts sent; "did not" is judged once N texts were sent
     * (someone with fewer has not ignored N yet).
     */
    private String lastMessages(boolean did, int n) {
        String last = "(select m.id from outbound_message m where m.contact_id = c.id and " + SENT
                + " order by m.sent_at desc limit " + n + ") last";
        String clicked = "exists (select 1 from " + last + " join short_link l on l.message_id = last.id "
                + "join link_click k on k.link_id = l.id where k.human)";
        if (did) {
            return clicked;
        }
        return "((select count(*) from " + last + ") = " + n + " and not " + clicked + ")";
    }

    /**
     * Last engagement: the latest human click, response or counted conversion (the
     * contact's times; greatest() skips what a contact never did, and is null for someone
     * who did nothing, so they match no date).
     */
    private String lastEngaged(CriteriaOperator operator, List<String> values, String path) {
        String last = "greatest(c.last_click_at, c.last_response_at, c.last_conversion_at)";
        String test = switch (operator) {
            case AFTER -> last + " >= " + at(CriteriaCompiler.isoDate(values.get(0), path).plusDays(1));
            case BEFORE -> last + " < " + at(CriteriaCompiler.isoDate(values.get(0), path));
            case BETWEEN -> {
                LocalDate from = CriteriaCompiler.isoDate(values.get(0), path);
                LocalDate to = CriteriaCompiler.isoDate(values.get(1), path);
                if (to.isBefore(from)) {
                    LocalDate swap = from;
                    from = to;
                    to = swap;
                }
                yield last + " >= " + at(from) + " and " + last + " < " + at(to.plusDays(1));
            }
            default -> throw new IllegalStateException(operator.name());
        };
        return "(" + test + ")";
    }

    private String at(LocalDate day) {
        return this.param.apply(day.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime());
    }

    /**
     * Revenue (in the reporting currency, each value at the rate of its day; values in a
     * currency without a rate are left out, as on dashboards) or orders (counted
     * conversions). People with none have 0: whether 0 matches decides between "in" and
     * "not in" the grouped set, so both are one hashed semi-join.
     */
    private String total(ContactCriteria.Condition condition, List<String> values, String path) {
        List<BigDecimal> amounts = values.stream().map((value) -> amount(value, path)).toList();
        String measure = (condition.field() == ContactField.REVENUE) ? "coalesce(sum(" + convertedValue() + "), 0)"
                : "count(*)";
        String test = switch (condition.operator()) {
            case GREATER_THAN -> " > " + this.param.apply(amounts.get(0));
            case LESS_THAN -> " < " + this.param.apply(amounts.get(0));
            case BETWEEN -> " between " + this.param.apply(amounts.get(0).min(amounts.get(1))) + " and "
                    + this.param.apply(amounts.get(0).max(amounts.get(1)));
            default -> throw new IllegalStateException(condition.operator().name());
        };
        boolean zeroMatches = switch (condition.operator()) {
            case GREATER_THAN -> false; // amounts are 0 or more
            case LESS_THAN -> amounts.get(0).signum() > 0;
            default -> amounts.get(0).min(amounts.get(1)).signum() == 0;
        };
        String grouped = "select v.contact_id from counted_conversion v where v.contact_id is not null"
                + scope(condition, "v.campaign_id", "v.occurred_at") + " group by v.contact_id having "
                + (zeroMatches ? "not (" + measure + test + ")" : measure + test);
        return zeroMatches ? "c.id not in (" + grouped + ")" : "c.id in (" + grouped + ")";
    }

    private String convertedValue() {
        String reporting = this.param.apply(this.currency);
        return "case when coalesce(v.currency, " + reporting + ") = " + reporting + " then v.value "
                + "else v.value * (select r.rate from exchange_rate r where r.currency = v.currency "
                + "and r.reporting_currency = " + reporting
                + " and r.valid_from <= (v.occurred_at at time zone 'UTC')::date order by r.valid_from desc limit 1) end";
    }

    private static BigDecimal amount(String value, String path) {
        BigDecimal amount = CriteriaCompiler.decimal(value, path);
        if (amount.signum() < 0) {
            throw CriteriaCompiler.refused(path, "an amount is 0 or more");
        }
        return amount;
    }

    /**
     * Reachable: no current note that the number is not on the channel or failed there.
     */
    private String reach(ContactField field, CriteriaOperator operator) {
        String channel = (field == ContactField.WHATSAPP_REACHABLE) ? "WHATSAPP" : "RCS";
        String unreachable = "exists (select 1 from channel_reachability r where r.phone = c.phone_number "
                + "and r.channel = '" + channel + "' and r.skip_until > "
                + this.param.apply(this.now.atOffset(ZoneOffset.UTC)) + ")";
        return (operator == CriteriaOperator.IS_TRUE) ? "not " + unreachable : unreachable;
    }

}
