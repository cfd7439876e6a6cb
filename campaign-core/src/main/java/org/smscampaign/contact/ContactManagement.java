package org.smscampaign.contact;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts one at a time: create, edit, change consent, erase, read, search. Every
 * consent change is appended to the contact's consent log.
 */
@Service
public class ContactManagement {

    private static final Logger log = LoggerFactory.getLogger(ContactManagement.class);

    private final JdbcClient jdbc;

    private final ContactNormalizer normalizer;

    private final CustomAttributes customAttributes;

    private final JsonMapper json;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    ContactManagement(JdbcClient jdbc, ContactNormalizer normalizer, CustomAttributes customAttributes, JsonMapper json,
            Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.normalizer = normalizer;
        this.customAttributes = customAttributes;
        this.json = json;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public ContactDetails create(ContactInput input, ConsentStatus consent, ConsentSource source, String proof,
            String recordedBy) {
        NormalizedContact contact = normalize(input);
        Long id = this.jdbc.sql("""
                insert into contact (phone_number, phone_type, first_name, last_name, email, city, region, country,
                    gender, birth_date, language, time_zone, tags, attributes, consent_status, preferred_channel)
                values (:phone, :type, :firstName, :lastName, :email, :city, :region, :country, :gender, :birthDate,
                    :language, :timeZone, :tags, cast(:attributes as jsonb), :consent, :preferredChannel)
                on conflict (phone_number) do nothing
                returning id""")
            .paramSource(fields(contact).addValue("consent", consent.name()))
            .query(Long.class)
            .optional()
            .orElseThrow(() -> ContactProblem.duplicate(idOfNumber(contact.phone().e164())));
        appendConsent(id, ConsentChannel.SMS, consent, source, proof, recordedBy);
        return details(id);
    }

    /**
     * A new contact with its WhatsApp consent given at once (the API). The SMS consent is
     * as given: a WhatsApp opt-in never subscribes anyone to SMS.
     */
    @Transactional
    public ContactDetails create(ContactInput input, ConsentStatus consent, ConsentSource source, String proof,
            String recordedBy, WhatsAppConsent whatsapp, String whatsappProof) {
        ContactDetails created = create(input, consent, source, proof, recordedBy);
        if (whatsapp == null || whatsapp == WhatsAppConsent.NONE) {
            return created;
        }
        return changeWhatsAppConsent(created.id(), whatsapp, source, whatsappProof, recordedBy);
    }

    /**
     * Replaces the contact's fields (tags and custom attributes included) with the given
     * ones.
     */
    @Transactional
    public ContactDetails update(long id, ContactInput input) {
        NormalizedContact contact = normalize(input);
        requireLive(id);
        try {
            this.jdbc.sql("""
                    update contact set phone_number = :phone, phone_type = :type, first_name = :firstName,
                        last_name = :lastName, email = :email, city = :city, region = :region, country = :country,
                        gender = :gender, birth_date = :birthDate, language = :language, time_zone = :timeZone,
                        tags = :tags, attributes = cast(:attributes as jsonb), preferred_channel = :preferredChannel,
                        updated_at = now()
                    where id = :id""").paramSource(fields(contact).addValue("id", id)).update();
        }
        catch (DuplicateKeyException ex) {
            throw ContactProblem.duplicate(idOfNumber(contact.phone().e164()));
        }
        return details(id);
    }

    /**
     * Replaces the contact's fields and, when given, changes its WhatsApp consent: both
     * or neither.
     */
    @Transactional
    public ContactDetails update(long id, ContactInput input, WhatsAppConsent whatsapp, String whatsappProof,
            ConsentSource source, String recordedBy) {
        ContactDetails updated = update(id, input);
        return (whatsapp != null) ? changeWhatsAppConsent(id, whatsapp, source, whatsappProof, recordedBy) : updated;
    }

    /** Changes consent and logs it; a change to the current status logs nothing. */
    @Transactional
    public ContactDetails changeConsent(long id, ConsentStatus status, ConsentSource source, String proof,
            String recordedBy) {
        ContactDetails current = find(id).orElseThrow(() -> ContactProblem.notFound("Contact " + id));
        if (current.erased()) {
            throw ContactProblem.conflict("An erased contact cannot be subscribed again.");
        }
        if (current.consent() != status) {
            this.jdbc
                .sql("update contact set consent_status = :status, consent_changed_at = now(), "
                        + "updated_at = now() where id = :id")
                .param("status", status.name())
                .param("id", id)
                .update();
            appendConsent(id, ConsentChannel.SMS, status, source, proof, recordedBy);
            this.events.publishEvent(new ContactConsentChanged(id, status, source));
        }
        return details(id);
    }

    /**
     * Changes the WhatsApp consent and logs it with its proof (channel WhatsApp); a
     * change to the current status logs nothing. The SMS consent is left as it is. An
     * opt-in needs a proof: who agreed, when and how.
     */
    @Transactional
    public ContactDetails changeWhatsAppConsent(long id, WhatsAppConsent status, ConsentSource source, String proof,
            String recordedBy) {
        ContactDetails current = find(id).orElseThrow(() -> ContactProblem.notFound("Contact " + id));
        if (current.erased()) {
            throw ContactProblem.conflict("An erased contact cannot opt in again.");
        }
        if (status == null) {
            throw ContactProblem.invalid("Give the WhatsApp consent status (OPTED_IN, OPTED_OUT or NONE).");
        }
        if (status == WhatsAppConsent.OPTED_IN && (proof == null || proof.isBlank())) {
            throw ContactProblem.invalid("Say how the person opted in to WhatsApp messages (for example "
                    + "\"ticked the WhatsApp box at checkout, order 1234\"): the proof is kept in the consent log.");
        }
        if (proof != null && proof.length() > 1000) {
            throw ContactProblem.invalid("The proof of consent has at most 1000 characters.");
        }
        if (status == WhatsAppConsent.NONE && current.whatsappConsent() == WhatsAppConsent.OPTED_OUT) {
            throw ContactProblem.conflict("This person opted out of WhatsApp messages: only a new opt-in, with "
                    + "its proof, changes that.");
        }
        // Conditional, so a STOP handled at the same moment is neither undone nor logged
        // twice: only the transaction that changed the row logs the change.
        int changed = this.jdbc
            .sql("update contact set whatsapp_consent = :status, whatsapp_consent_at = now(), updated_at = now() "
                    + "where id = :id and whatsapp_consent <> :status")
            .param("status", status.name())
            .param("id", id)
            .update();
        if (changed == 1) {
            appendConsent(id, ConsentChannel.WHATSAPP, status.logged(), source, proof, recordedBy);
            this.events.publishEvent(new WhatsAppConsentChanged(id, status, source));
        }
        return details(id);
    }

    /**
     * Erases the contact's personal data on request: number, names, e-mail, address,
     * birth date, tags, custom attributes, proof texts, list memberships and what they
     * last did. The anonymous contact remains so that statistics stay whole; it is
     * unsubscribed for good.
     */
    @Transactional
    public void erase(long id, String requestedBy) {
        requireLive(id);
        ContactDetails before = details(id);
        this.jdbc.sql("""
                update contact set phone_number = null, first_name = null, last_name = null, email = null,
                    city = null, region = null, birth_date = null, language = null, tags = '{}',
                    attributes = '{}', consent_status = 'UNSUBSCRIBED', consent_changed_at = now(),
                    whatsapp_consent = case when whatsapp_consent = 'NONE' then 'NONE' else 'OPTED_OUT' end,
                    preferred_channel = null, last_sent_at = null, last_delivered_at = null,
                    last_click_at = null, last_conversion_at = null, last_redeemed_at = null,
                    last_response_at = null, last_query_at = null,
                    updated_at = now(), erased_at = now()
                where id = :id""").param("id", id).update();
        this.jdbc.sql("update consent_event set proof = null where contact_id = :id and proof is not null")
            .param("id", id)
            .update();
        this.jdbc.sql("delete from contact_list_member where contact_id = :id").param("id", id).update();
        appendConsent(id, ConsentChannel.SMS, ConsentStatus.UNSUBSCRIBED, ConsentSource.ADMIN, null, requestedBy);
        if (before.whatsappConsent() == WhatsAppConsent.OPTED_IN) {
            appendConsent(id, ConsentChannel.WHATSAPP, WhatsAppConsent.OPTED_OUT.logged(), ConsentSource.ADMIN, null,
                    requestedBy);
        }
        this.events.publishEvent(new ContactErased(id, before.phoneNumber()));
        log.info("Contact {} erased on request of {}", id, requestedBy);
    }

    @Transactional(readOnly = true)
    public Optional<ContactDetails> find(long id) {
        return this.jdbc.sql("select * from contact where id = :id")
            .param("id", id)
            .query(this::detailsRow)
            .optional()
            .map(this::withLogAndLists);
    }

    @Transactional(readOnly = true)
    public Optional<ContactDetails> findByPhoneNumber(String e164) {
        return this.jdbc.sql("select id from contact where phone_number = :phone")
            .param("phone", e164)
            .query(Long.class)
            .optional()
            .flatMap(this::find);
    }

    @Transactional(readOnly = true)
    public ContactPage search(ContactSearch search, int page, int size) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new java.util.HashMap<>();
        if (search.text() != null && !search.text().isBlank()) {
            String text = search.text().strip();
            String digits = text.replaceAll("[^0-9]", "");
            conditions.add("(c.first_name ilike :like escape '\\' or c.last_name ilike :like escape '\\' "
                    + "or c.email ilike :like escape '\\' or c.city ilike :like escape '\\'"
                    + (digits.length() >= 3 ? " or c.phone_number like :phone" : "") + ")");
            params.put("like", "%" + Likes.escape(text) + "%");
            params.put("phone", "%" + digits + "%");
        }
        if (search.listId() != null) {
            conditions
                .add("exists (select 1 from contact_list_member m where m.contact_id = c.id and m.list_id = :list)");
            params.put("list", search.listId());
        }
        if (search.consent() != null) {
            conditions.add("c.consent_status = :consent");
            params.put("consent", search.consent().name());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long total = this.jdbc.sql("select count(*) from contact c" + where).params(params).query(Long.class).single();
        List<ContactSummary> items = this.jdbc
            .sql("select " + ContactRows.SUMMARY_COLUMNS + " from contact c" + where
                    + " order by c.id desc limit :limit offset :offset")
            .params(params)
            .param("limit", size)
            .param("offset", (long) page * size)
            .query(ContactRows::summary)
            .list();
        return new ContactPage(items, total, page, size);
    }

    /** Contacts by id, for naming them on other pages (links, timelines). */
    @Transactional(readOnly = true)
    public Map<Long, ContactSummary> summaries(java.util.Collection<Long> ids) {
        Map<Long, ContactSummary> found = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        this.jdbc.sql("select " + ContactRows.SUMMARY_COLUMNS + " from contact c where c.id = any(:ids)")
            .param("ids", ids.toArray(Long[]::new))
            .query(ContactRows::summary)
            .list()
            .forEach((summary) -> found.put(summary.id(), summary));
        return found;
    }

    /** Contacts by phone number (E.164), for naming conversations in the inbox. */
    @Transactional(readOnly = true)
    public Map<String, ContactSummary> summariesByPhone(java.util.Collection<String> phones) {
        Map<String, ContactSummary> found = new java.util.HashMap<>();
        if (phones.isEmpty()) {
            return found;
        }
        this.jdbc
            .sql("select " + ContactRows.SUMMARY_COLUMNS
                    + " from contact c where c.phone_number = any(cast(:phones as varchar[]))")
            .param("phones", phones.toArray(String[]::new))
            .query(ContactRows::summary)
            .list()
            .forEach((summary) -> found.put(summary.phoneNumber(), summary));
        return found;
    }

    @Transactional(readOnly = true)
    public long count() {
        return this.jdbc.sql("select count(*) from contact").query(Long.class).single();
    }

    private NormalizedContact normalize(ContactInput input) {
        ContactNormalizer.Outcome outcome = this.normalizer.normalize(input, this.customAttributes.types());
        if (!outcome.isValid()) {
            throw ContactProblem.invalid(outcome.problems());
        }
        return outcome.contact();
    }

    private void requireLive(long id) {
        Boolean erased = this.jdbc.sql("select erased_at is not null from contact where id = :id")
            .param("id", id)
            .query(Boolean.class)
            .optional()
            .orElseThrow(() -> ContactProblem.notFound("Contact " + id));
        if (erased) {
            throw ContactProblem.conflict("The contact has been erased.");
        }
    }

    private long idOfNumber(String e164) {
        return this.jdbc.sql("select id from contact where phone_number = :phone")
            .param("phone", e164)
            .query(Long.class)
            .single();
    }

    private void appendConsent(long id, ConsentChannel channel, ConsentStatus status, ConsentSource source,
            String proof, String by) {
        this.jdbc
            .sql("insert into consent_event (contact_id, status, source, proof, recorded_by, channel) "
                    + "values (:id, :status, :source, :proof, :by, :channel)")
            .param("id", id)
            .param("channel", channel.name())
            .param("status", status.name())
            .param("source", source.name())
            .param("proof", (proof != null && !proof.isBlank()) ? proof.strip() : null)
            .param("by", by)
            .update();
    }

    private org.springframework.jdbc.core.namedparam.MapSqlParameterSource fields(NormalizedContact contact) {
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
            .addValue("phone", contact.phone().e164())
            .addValue("type", contact.phone().type())
            .addValue("firstName", contact.firstName())
            .addValue("lastName", contact.lastName())
            .addValue("email", contact.email())
            .addValue("city", contact.city())
            .addValue("region", contact.region())
            .addValue("country", contact.country())
            .addValue("gender", (contact.gender() != null) ? contact.gender().name() : null)
            .addValue("birthDate", (contact.birthDate() != null) ? Date.valueOf(contact.birthDate()) : null)
            .addValue("language", contact.language())
            .addValue("timeZone", contact.timeZone())
            .addValue("tags", contact.tags().toArray(String[]::new))
            .addValue("preferredChannel",
                    (contact.preferredChannel() != null) ? contact.preferredChannel().name() : null)
            .addValue("attributes", this.json.writeValueAsString(contact.attributes()));
    }

    private ContactDetails details(long id) {
        return find(id).orElseThrow(() -> ContactProblem.notFound("Contact " + id));
    }

    private ContactDetails detailsRow(ResultSet row, int rowNumber) throws SQLException {
        Date birth = row.getDate("birth_date");
        LocalDate birthDate = (birth != null) ? birth.toLocalDate() : null;
        String gender = row.getString("gender");
        return new ContactDetails(row.getLong("id"), row.getString("phone_number"), row.getString("phone_type"),
                row.getString("first_name"), row.getString("last_name"), row.getString("email"), row.getString("city"),
                row.getString("region"), row.getString("country"), (gender != null) ? Gender.valueOf(gender) : null,
                birthDate, (birthDate != null) ? Period.between(birthDate, LocalDate.now(this.clock)).getYears() : null,
                row.getString("language"), row.getString("time_zone"), ContactRows.tags(row),
                ContactRows.attributes(row, this.json), ConsentStatus.valueOf(row.getString("consent_status")),
                ContactRows.instant(row, "consent_changed_at"), ContactRows.instant(row, "created_at"),
                ContactRows.instant(row, "updated_at"), ContactRows.instant(row, "erased_at"), List.of(), List.of(),
                ContactRows.preferredChannel(row), WhatsAppConsent.valueOf(row.getString("whatsapp_consent")),
                ContactRows.instant(row, "whatsapp_consent_at"));
    }

    private ContactDetails withLogAndLists(ContactDetails contact) {
        List<ConsentEventView> log = this.jdbc
            .sql("select * from consent_event where contact_id = :id order by occurred_at desc, id desc")
            .param("id", contact.id())
            .query((row, n) -> new ConsentEventView(ConsentStatus.valueOf(row.getString("status")),
                    ConsentSource.valueOf(row.getString("source")), row.getString("proof"),
                    row.getString("recorded_by"), ContactRows.instant(row, "occurred_at"),
                    ConsentChannel.valueOf(row.getString("channel"))))
            .list();
        List<ContactListView> lists = this.jdbc.sql("""
                select l.id, l.name, l.description, l.created_at,
                    (select count(*) from contact_list_member x where x.list_id = l.id) as members
                from contact_list l join contact_list_member m on m.list_id = l.id
                where m.contact_id = :id order by l.name""").param("id", contact.id()).query(ContactLists::view).list();
        return new ContactDetails(contact.id(), contact.phoneNumber(), contact.phoneType(), contact.firstName(),
                contact.lastName(), contact.email(), contact.city(), contact.region(), contact.country(),
                contact.gender(), contact.birthDate(), contact.age(), contact.language(), contact.timeZone(),
                contact.tags(), contact.attributes(), contact.consent(), contact.consentChangedAt(),
                contact.createdAt(), contact.updatedAt(), contact.erasedAt(), log, lists, contact.preferredChannel(),
                contact.whatsappConsent(), contact.whatsappConsentAt());
    }

}
