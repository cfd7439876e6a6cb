package org.smscampaign.web.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.link.Brands;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.report.CampaignReport;
import org.smscampaign.report.CampaignReports;
import org.smscampaign.report.PeriodSummary;
import org.smscampaign.report.SummaryReports;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cascades sent through the gateway and the simulator (WhatsApp, then SMS; numbers ending
 * in 9 have no WhatsApp), their figures by step and channel and their savings against SMS
 * only, each against a computation over the raw outbound messages; then the same figures
 * in the REST report and the CSV files.
 */
@PlatformIT
class CascadeResultsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageGateway gateway;

    @Autowired
    Brands brands;

    @Autowired
    CampaignReports reports;

    @Autowired
    SummaryReports summaries;

    SentCascade sent;

    CampaignReport report;

    List<Row> rows;

    /** One outbound message as stored. */
    record Row(long id, long root, int step, String channel, String status, boolean read, long contact,
            Timestamp sendingAt, Timestamp finalAt, BigDecimal cost, BigDecimal smsOnly, boolean root0,
            boolean wentOut) {

    }

    @BeforeEach
    void cascadesSent() {
        this.sent = new SentCascade(this.jdbc, this.gateway, this.brands, "Cascade results " + System.nanoTime());
        this.report = this.reports.refreshedReport(this.sent.campaign());
        this.rows = this.jdbc
            .sql("""
                    select id, coalesce(chain_root_id, id) as root, coalesce(chain_step, 0) + 1 as step, channel, status,
                        read_at is not null as read, contact_id, sending_at, final_at,
                        case when provider_sid is not null and (price is not null or status <> 'FAILED')
                            then coalesce(price, estimated_cost) end as cost,
                        sms_only_cost, chain_root_id is null as root0, provider_sid is not null or chain_advanced as went_out
                    from outbound_message where campaign_id = :id order by id""")
            .param("id", this.sent.campaign())
            .query((r, n) -> new Row(r.getLong("id"), r.getLong("root"), r.getInt("step"), r.getString("channel"),
                    r.getString("status"), r.getBoolean("read"), r.getLong("contact_id"), r.getTimestamp("sending_at"),
                    r.getTimestamp("final_at"), r.getBigDecimal("cost"), r.getBigDecimal("sms_only_cost"),
                    r.getBoolean("root0"), r.getBoolean("went_out")))
            .list();
    }

    @Test
    void everyStepMatchesItsMessages() {
        CampaignReport.Cascade cascade = this.report.cascade();
        assertThat(cascade).as("a cascade campaign has channel results").isNotNull();
        Map<Long, Integer> lastStep = new HashMap<>();
        Map<Long, Row> winner = new HashMap<>();
        for (Row row : this.rows) {
            lastStep.merge(row.root(), row.step(), Math::max);
            if (row.status().equals("DELIVERED")) {
                winner.merge(row.root(), row, (a, b) -> (a.step() >= b.step()) ? a : b);
            }
        }
        Map<Long, Row> firstOf = new HashMap<>();
        this.rows.stream().filter(Row::root0).forEach((r) -> firstOf.put(r.id(), r));
        Map<String, List<Row>> bySteps = new TreeMap<>();
        this.rows
            .forEach((r) -> bySteps.computeIfAbsent(r.step() + ":" + r.channel(), (k) -> new ArrayList<>()).add(r));
        assertThat(cascade.steps()).extracting((s) -> s.step() + ":" + s.channel())
            .containsExactlyElementsOf(bySteps.keySet());
        assertThat(cascade.steps().get(0).channel()).isEqualTo("WHATSAPP");
        assertThat(cascade.steps().get(0).messages()).isEqualTo(4);

        for (CampaignReport.StepResult step : cascade.steps()) {
            List<Row> messages = bySteps.get(step.step() + ":" + step.channel());
            String at = "step " + step.step() + " " + step.channel();
            assertThat(step.messages()).as(at).isEqualTo(messages.size());
            assertThat(step.delivered()).as(at).isEqualTo(count(messages, "DELIVERED"));
            assertThat(step.failed()).as(at).isEqualTo(count(messages, "FAILED") + count(messages, "UNDELIVERED"));
            assertThat(step.read()).as(at).isEqualTo(messages.stream().filter(Row::read).count());
            assertThat(step.handedOn()).as(at)
                .isEqualTo(messages.stream().filter((r) -> r.step() < lastStep.get(r.root())).count());
            List<Row> won = messages.stream().filter((r) -> winner.get(r.root()) == r).toList();
            assertThat(step.won()).as(at).isEqualTo(won.size());
            assertThat(step.cost()).as(at).isEqualByComparingTo(cents(sum(messages.stream().map(Row::cost).toList())));
            assertThat(step.deliveryMedianSeconds()).as(at)
                .isEqualTo(seconds(percentile(messages.stream()
                    .filter((r) -> r.status().equals("DELIVERED"))
                    .map((r) -> millis(r.sendingAt(), r.finalAt()))
                    .toList(), 0.5)));
            assertThat(step.deliveryP90Seconds()).as(at)
                .isEqualTo(seconds(percentile(messages.stream()
                    .filter((r) -> r.status().equals("DELIVERED"))
                    .map((r) -> millis(r.sendingAt(), r.finalAt()))
                    .toList(), 0.9)));
            assertThat(step.chainMedianSeconds()).as(at)
                .isEqualTo(seconds(percentile(
                        won.stream().map((r) -> millis(firstOf.get(r.root()).sendingAt(), r.finalAt())).toList(),
                        0.5)));
            // Clicks and conversions where the person's message was delivered.
            long clickers = 0;
            long conversions = 0;
            for (int person : List.of(0, 2)) {
                long contact = this.sent.contacts().get(person);
                Row delivered = winner.values().stream().filter((r) -> r.contact() == contact).findFirst().orElse(null);
                if (delivered != null && delivered.step() == step.step()
                        && delivered.channel().equals(step.channel())) {
                    clickers++;
                    conversions += (person == 2) ? 1 : 0;
                }
            }
            assertThat(step.humanClickers()).as(at + " clickers").isEqualTo(clickers);
            assertThat(step.conversions()).as(at + " conversions").isEqualTo(conversions);
            assertThat(step.revenue()).as(at + " revenue")
                .isEqualByComparingTo((conversions > 0) ? new BigDecimal("25.00") : BigDecimal.ZERO);
        }
        assertThat(cascade.steps().stream().mapToLong(CampaignReport.StepResult::humanClickers).sum()
                + cascade.notDelivered().humanClickers())
            .as("every person who clicked counted once")
            .isEqualTo(2);
        assertThat(cascade.channels()).extracting(CampaignReport.ChannelResult::channel)
            .containsExactly("SMS", "WHATSAPP");
        for (CampaignReport.ChannelResult channel : cascade.channels()) {
            List<Row> messages = this.rows.stream().filter((r) -> r.channel().equals(channel.channel())).toList();
            assertThat(channel.messages()).isEqualTo(messages.size());
            assertThat(channel.delivered()).isEqualTo(count(messages, "DELIVERED"));
        }
    }

    @Test
    void savingsAreTheSmsOnlyCostOfTheCascadesThatWentOutLessWhatTheirStepsCost() {
        List<Long> out = this.rows.stream().filter((r) -> r.root0() && r.wentOut()).map(Row::id).toList();
        BigDecimal baseline = cents(
                sum(this.rows.stream().filter((r) -> r.root0() && r.wentOut()).map(Row::smsOnly).toList()));
        BigDecimal actual = cents(
                sum(this.rows.stream().filter((r) -> out.contains(r.root())).map(Row::cost).toList()));
        CampaignReport.Savings savings = this.report.cascade().savings();

        assertThat(out).as("every first step went out").hasSize(4);
        assertThat(savings.chains()).isEqualTo(4);
        assertThat(savings.smsOnlyCost()).isEqualByComparingTo(baseline);
        assertThat(savings.cascadeCost()).isEqualByComparingTo(actual);
        assertThat(savings.saved()).isEqualByComparingTo(baseline.subtract(actual));
        assertThat(savings.percent()).isCloseTo(baseline.subtract(actual).doubleValue() * 100 / baseline.doubleValue(),
                org.assertj.core.api.Assertions.within(1e-4));
        assertThat(this.report.money().cascadeSavings()).as("one truth").isEqualByComparingTo(savings.saved());
        // A period that holds every first message: the same savings.
        java.time.Instant now = java.time.Instant.now();
        PeriodSummary period = this.summaries.summary(now.minus(java.time.Duration.ofDays(1)),
                now.plus(java.time.Duration.ofHours(1)));
        assertThat(period.campaigns()).filteredOn((c) -> c.id() == this.sent.campaign())
            .singleElement()
            .satisfies((c) -> assertThat(c.cascadeSavings()).isEqualByComparingTo(savings.saved()));
        // Germany: SMS 0.0865 a segment, two segments; WhatsApp 0.06 a message.
        assertThat(baseline).isEqualByComparingTo("0.69");
        assertThat(savings.saved()).as("the two on WhatsApp cost 0.06 instead of 0.173").isPositive();
    }

    @Test
    void theRestReportAndTheCsvFilesCarryTheSameFigures() {
        HttpFixture http = new HttpFixture(this.port);
        http.signIn("demo-manager", PlatformIT.DEMO_PASSWORD);
        long id = this.sent.campaign();
        JsonNode json = JSON.readTree(http.get("/api/v1/reports/campaigns/" + id).body());
        CampaignReport.Savings savings = this.report.cascade().savings();
        assertThat(json.at("/cascade/savings/saved").decimalValue()).isEqualByComparingTo(savings.saved());
        assertThat(json.at("/cascade/savings/smsOnlyCost").decimalValue()).isEqualByComparingTo(savings.smsOnlyCost());
        assertThat(json.at("/money/cascadeSavings").decimalValue()).isEqualByComparingTo(savings.saved());
        assertThat(json.at("/cascade/steps/0/channel").asString()).isEqualTo("WHATSAPP");
        assertThat(json.at("/cascade/steps/0/messages").asLong()).isEqualTo(4);

        String steps = http.get("/dashboards/campaigns/" + id + "/steps.csv").body();
        assertThat(steps.lines().findFirst().orElseThrow()).startsWith("step,channel,messages,sent,delivered,read");
        CampaignReport.StepResult first = this.report.cascade().steps().get(0);
        assertThat(steps).contains("1,WHATSAPP," + first.messages() + "," + first.sent() + "," + first.delivered());
        assertThat(steps).contains(",NOT_DELIVERED,");
        assertThat(http.get("/dashboards/campaigns/" + id + "/savings.csv").body())
            .contains("saved," + savings.saved().toPlainString())
            .contains("sms_only_cost," + savings.smsOnlyCost().toPlainString());
        assertThat(http.get("/dashboards/campaigns/" + id + "/channel-results.csv").body()).contains("WHATSAPP,4,");
    }

    private static long count(List<Row> rows, String status) {
        return rows.stream().filter((r) -> r.status().equals(status)).count();
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().filter((a) -> a != null).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static double millis(Timestamp from, Timestamp to) {
        return (to.getTime() - from.getTime()) + (to.getNanos() % 1_000_000 - from.getNanos() % 1_000_000) / 1e6;
    }

    /** As PostgreSQL's percentile_cont: linear between the two nearest. */
    private static Double percentile(List<Double> values, double fraction) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        double position = fraction * (sorted.size() - 1);
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        return sorted.get(below) + (sorted.get(above) - sorted.get(below)) * (position - below);
    }

    /** Rounded to whole milliseconds, then to tenths of seconds, as the report. */
    private static Double seconds(Double millis) {
        return (millis != null) ? BigDecimal.valueOf(Math.round(millis))
            .divide(BigDecimal.valueOf(1000), 1, RoundingMode.HALF_UP)
            .doubleValue() : null;
    }

}
