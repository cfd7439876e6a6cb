package org.smscampaign.campaign;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.campaign.results.ResultRows;
import org.smscampaign.contact.ContactProperties;
import org.smscampaign.contact.PhoneNumbers;
import org.smscampaign.link.ConversionRequest;
import org.smscampaign.link.ConversionView;
import org.smscampaign.link.Conversions;
import org.smscampaign.link.LinkProblem;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.messaging.SentCampaignMessage;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Results a marketer uploads when the platform could not track them: conversions by the
 * customer's phone number, e-mail, coupon code or order id. Each row finds its contact
 * and is attributed through its coupon code, else to the campaign it (or the upload)
 * names, else to the contact's latest campaign message within that campaign's attribution
 * window. Rows are stored as conversions with source IMPORT; each row is recorded on its
 * own, so a bad row is reported (line and reason) and the good ones kept. Uploading a
 * file again counts nothing twice: rows are idempotent on their order id and event, or,
 * without an order id, on the row's customer, event, value and time.
 */
@Service
public class ResultImports {

    private static final Logger log = LoggerFactory.getLogger(ResultImports.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How far back a contact's campaign messages are looked at. */
    private static final int MESSAGES_LOOKED_AT = 50;

    private final JdbcClient jdbc;

    private final Conversions conversions;

    private final MessageGateway gateway;

    private final PhoneNumbers phones;

    private final ContactProperties contactSettings;

    private final Clock clock;

    ResultImports(JdbcClient jdbc, Conversions conversions, MessageGateway gateway, PhoneNumbers phones,
            ContactProperties contactSettings, Clock clock) {
        this.jdbc = jdbc;
        this.conversions = conversions;
        this.gateway = gateway;
        this.phones = phones;
        this.contactSettings = contactSettings;
        this.clock = clock;
    }

    /**
     * Records the rows of an uploaded file (not in one transaction: every good row is
     * kept).
     * @param campaignId the campaign rows count for unless they name one, or null
     */
    public ResultImport upload(String fileName, String text, Long campaignId, String by) {
        if (campaignId != null && !campaignExists(campaignId)) {
            throw new CampaignProblem(CampaignProblem.Kind.NOT_FOUND, "Campaign " + campaignId + " does not exist.");
        }
        List<ResultRows.Row> rows;
        try {
            rows = ResultRows.parse((text != null) ? text : "");
        }
        catch (IllegalArgumentException ex) {
            throw CampaignProblem.invalid("file: " + ex.getMessage());
        }
        String name = (fileName != null && !fileName.isBlank()) ? fileName.strip() : "upload.csv";
        long importId = this.jdbc.sql("""
                insert into conversion_import (file_name, imported_by, campaign_id, row_count)
                values (:name, :by, :campaign, :rows) returning id""")
            .param("name", (name.length() > 255) ? name.substring(0, 255) : name)
            .param("by", by)
            .param("campaign", campaignId)
            .param("rows", rows.size())
            .query(Long.class)
            .single();
        long accepted = 0;
        long duplicates = 0;
        long unattributed = 0;
        List<LineProblem> problems = new ArrayList<>();
        for (ResultRows.Row row : rows) {
            try {
                ConversionView view = record(row, campaignId, importId);
                if (view.duplicate()) {
                    duplicates++;
                }
                else {
                    accepted++;
                    unattributed += view.attributed() ? 0 : 1;
                }
            }
            catch (RowProblem | LinkProblem ex) {
                problems.add(new LineProblem(row.line(), row.text(), ex.getMessage()));
            }
            catch (RuntimeException ex) {
                // Each row is stored on its own: one that fails unexpectedly is reported
                // and the rest of the file still counts.
                log.warn("Results upload {}: line {} failed", importId, row.line(), ex);
                problems.add(new LineProblem(row.line(), row.text(), "could not be stored; try it again"));
            }
        }
        this.jdbc.sql("""
                update conversion_import set accepted = :accepted, duplicates = :duplicates, rejected = :rejected,
                    problems = cast(:problems as jsonb) where id = :id""")
            .param("accepted", accepted)
            .param("duplicates", duplicates)
            .param("rejected", problems.size())
            .param("problems", JSON.writeValueAsString(problems))
            .param("id", importId)
            .update();
        return new ResultImport(importId, name, by, this.clock.instant(), campaignId, rows.size(), accepted, duplicates,
                problems.size(), unattributed, List.copyOf(problems));
    }

    /** Recent uploads, newest first. */
    @Transactional(readOnly = true)
    public List<ResultImport> recent(int limit) {
        return this.jdbc.sql("select * from conversion_import order by id desc limit :limit")
            .param("limit", limit)
            .query(this::view)
            .list();
    }

    @Transactional(readOnly = true)
    public ResultImport get(long id) {
        return this.jdbc.sql("select * from conversion_import where id = :id")
            .param("id", id)
            .query(this::view)
            .optional()
            .orElseThrow(
                    () -> new CampaignProblem(CampaignProblem.Kind.NOT_FOUND, "Upload " + id + " does not exist."));
    }

    private ResultImport view(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        List<LineProblem> problems = JSON.readValue(row.getString("problems"), new TypeReference<List<LineProblem>>() {
        });
        long accepted = row.getLong("accepted");
        return new ResultImport(row.getLong("id"), row.getString("file_name"), row.getString("imported_by"),
                row.getTimestamp("imported_at").toInstant(), row.getObject("campaign_id", Long.class),
                row.getLong("row_count"), accepted, row.getLong("duplicates"), row.getLong("rejected"), 0, problems);
    }

    private ConversionView record(ResultRows.Row row, Long uploadCampaign, long importId) {
        Instant at = occurredAt(row.get("occurred_at"));
        BigDecimal value = value(row.get("value"));
        String event = (row.get("event") != null) ? row.get("event") : "sale";
        Long namedCampaign = campaign(row.get("campaign"));
        Long campaignId = (namedCampaign != null) ? namedCampaign : uploadCampaign;
        String coupon = row.get("coupon");
        String orderId = row.get("order_id");
        Conversions.Given given = null;
        if (coupon == null) {
            Optional<ConversionView> order = Optional.empty();
            Long contactId = contact(row);
            if (contactId == null && orderId != null) {
                order = this.conversions.ofOrder(orderId);
                contactId = order.map(ConversionView::contactId).orElse(null);
            }
            if (contactId == null) {
                throw new RowProblem((orderId != null && row.get("phone") == null && row.get("email") == null)
                        ? "no conversion reported this order id before, so its customer is unknown"
                        : "no contact has this phone number or e-mail");
            }
            if (campaignId == null && order.isPresent() && order.get().campaignId() != null) {
                given = new Conversions.Given(order.get().campaignId(), contactId, order.get().variant());
            }
            else {
                given = attribution(contactId, campaignId, at);
            }
        }
        String key = (orderId != null) ? orderId
                : "import:" + digest(String.join("|", String.valueOf(coupon), String.valueOf(row.get("phone")),
                        String.valueOf(row.get("email")), event, String.valueOf(value),
                        String.valueOf(row.get("currency")), String.valueOf(row.get("occurred_at"))));
        ConversionRequest request = new ConversionRequest(null, null, event, value, row.get("currency"), key, at,
                (given != null) ? given.contactId() : null, coupon);
        return this.conversions.recordImport(request, importId, given);
    }

    /**
     * The campaign a contact's result counts for: the one named (with the variant the
     * contact got), else the latest campaign message within its attribution window.
     */
    private Conversions.Given attribution(long contactId, Long campaignId, Instant at) {
        List<SentCampaignMessage> messages = this.gateway.campaignMessagesOf(contactId, at, MESSAGES_LOOKED_AT);
        if (campaignId != null) {
            String variant = messages.stream()
                .filter((m) -> m.campaignId() == campaignId)
                .map(SentCampaignMessage::variant)
                .findFirst()
                .orElse(null);
            return new Conversions.Given(campaignId, contactId, variant);
        }
        Map<Long, Integer> windows = new java.util.HashMap<>();
        for (SentCampaignMessage message : messages) {
            int days = windows.computeIfAbsent(message.campaignId(), this::attributionDays);
            if (!at.isAfter(message.dueAt().plus(Duration.ofDays(days)))) {
                return new Conversions.Given(message.campaignId(), contactId, message.variant());
            }
        }
        return new Conversions.Given(null, contactId, null);
    }

    private int attributionDays(long campaignId) {
        return this.jdbc.sql("select attribution_days from campaign where id = :id")
            .param("id", campaignId)
            .query(Integer.class)
            .optional()
            .orElse(7);
    }

    private Long contact(ResultRows.Row row) {
        String phone = row.get("phone");
        if (phone != null) {
            PhoneNumbers.Result parsed = this.phones.parse(phone, this.contactSettings.defaultRegion());
            if (!parsed.isValid()) {
                throw new RowProblem("the phone number: " + parsed.problem());
            }
            Optional<Long> found = this.jdbc.sql("select id from contact where phone_number = :phone")
                .param("phone", parsed.number().e164())
                .query(Long.class)
                .optional();
            if (found.isPresent() || row.get("email") == null) {
                return found.orElseThrow(() -> new RowProblem("no contact has the number " + parsed.number().e164()));
            }
        }
        String email = row.get("email");
        if (email != null) {
            return this.jdbc.sql("select id from contact where lower(email) = lower(:email) order by id limit 1")
                .param("email", email)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new RowProblem("no contact has the e-mail " + email));
        }
        return null;
    }

    private Long campaign(String named) {
        if (named == null) {
            return null;
        }
        if (named.matches("[0-9]{1,18}")) {
            long id = Long.parseLong(named);
            if (campaignExists(id)) {
                return id;
            }
        }
        return this.jdbc.sql("select id from campaign where lower(name) = lower(:name) order by id desc limit 1")
            .param("name", named)
            .query(Long.class)
            .optional()
            .orElseThrow(() -> new RowProblem("no campaign \u201c" + named + "\u201d"));
    }

    private boolean campaignExists(long id) {
        return this.jdbc.sql("select count(*) from campaign where id = :id")
            .param("id", id)
            .query(Long.class)
            .single() > 0;
    }

    private Instant occurredAt(String written) {
        if (written == null) {
            return this.clock.instant();
        }
        String text = written.strip().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(text).toInstant();
        }
        catch (DateTimeParseException ex) {
            // not with an offset: try the forms without one (UTC)
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
        catch (DateTimeParseException ex) {
            // not a date and time: try a date
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        catch (DateTimeParseException ex) {
            throw new RowProblem("the time '" + written + "' is not a date such as 2026-12-01 or 2026-12-01T14:30Z");
        }
    }

    private static BigDecimal value(String written) {
        if (written == null) {
            return null;
        }
        try {
            return new BigDecimal(written.strip());
        }
        catch (NumberFormatException ex) {
            throw new RowProblem("the value '" + written + "' is not an amount such as 49.90");
        }
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Why a row was not taken. */
    private static final class RowProblem extends RuntimeException {

        RowProblem(String message) {
            super(message, null, false, false);
        }

    }

}
