package org.smscampaign.segment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.smscampaign.contact.AudienceCount;
import org.smscampaign.contact.ContactCriteria;
import org.smscampaign.contact.ContactProblem;
import org.smscampaign.contact.ContactQueries;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Saved segments: create, edit, delete, count and preview. */
@Service
public class Segments {

    static final int SAMPLE_SIZE = 10;

    private final JdbcClient jdbc;

    private final ContactQueries contacts;

    private final JsonMapper json;

    Segments(JdbcClient jdbc, ContactQueries contacts, JsonMapper json) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public List<SegmentView> all() {
        return this.jdbc.sql("select * from segment order by name").query(this::view).list();
    }

    @Transactional(readOnly = true)
    public Optional<SegmentView> find(long id) {
        return this.jdbc.sql("select * from segment where id = :id").param("id", id).query(this::view).optional();
    }

    public SegmentView get(long id) {
        return find(id)
            .orElseThrow(() -> new SegmentProblem(SegmentProblem.Kind.NOT_FOUND, "Segment " + id + " does not exist."));
    }

    @Transactional
    public SegmentView create(String name, String description, ContactCriteria rule, String createdBy) {
        checkFields(name, description, rule);
        try {
            long id = this.jdbc
                .sql("insert into segment (name, description, rule, created_by) "
                        + "values (:name, :description, cast(:rule as jsonb), :by) returning id")
                .param("name", name.strip())
                .param("description", blankToNull(description))
                .param("rule", this.json.writeValueAsString(rule))
                .param("by", createdBy)
                .query(Long.class)
                .single();
            return get(id);
        }
        catch (DuplicateKeyException ex) {
            throw nameTaken(name);
        }
    }

    @Transactional
    public SegmentView update(long id, String name, String description, ContactCriteria rule) {
        checkFields(name, description, rule);
        get(id);
        try {
            this.jdbc
                .sql("update segment set name = :name, description = :description, rule = cast(:rule as jsonb), "
                        + "updated_at = now() where id = :id")
                .param("id", id)
                .param("name", name.strip())
                .param("description", blankToNull(description))
                .param("rule", this.json.writeValueAsString(rule))
                .update();
            return get(id);
        }
        catch (DuplicateKeyException ex) {
            throw nameTaken(name);
        }
    }

    @Transactional
    public void delete(long id) {
        if (this.jdbc.sql("delete from segment where id = :id").param("id", id).update() == 0) {
            throw new SegmentProblem(SegmentProblem.Kind.NOT_FOUND, "Segment " + id + " does not exist.");
        }
    }

    /** Counts and samples what a rule selects, without saving it. */
    public SegmentPreview preview(ContactCriteria rule) {
        long started = System.nanoTime();
        try {
            AudienceCount count = this.contacts.count(rule);
            return new SegmentPreview(count, this.contacts.sample(rule, SAMPLE_SIZE),
                    (System.nanoTime() - started) / 1_000_000);
        }
        catch (ContactProblem ex) {
            throw new SegmentProblem(SegmentProblem.Kind.INVALID, ex.getMessage());
        }
    }

    public AudienceCount count(long id) {
        return this.contacts.count(get(id).rule());
    }

    private void checkFields(String name, String description, ContactCriteria rule) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new SegmentProblem(SegmentProblem.Kind.INVALID, "A segment needs a name of 1 to 100 characters.");
        }
        if (description != null && description.length() > 500) {
            throw new SegmentProblem(SegmentProblem.Kind.INVALID, "A description has at most 500 characters.");
        }
        if (rule == null) {
            throw new SegmentProblem(SegmentProblem.Kind.INVALID, "A segment needs a rule.");
        }
        try {
            this.contacts.validate(rule);
        }
        catch (ContactProblem ex) {
            throw new SegmentProblem(SegmentProblem.Kind.INVALID, ex.getMessage());
        }
    }

    private static SegmentProblem nameTaken(String name) {
        return new SegmentProblem(SegmentProblem.Kind.CONFLICT, "A segment named '" + name.strip() + "' exists.");
    }

    private static String blankToNull(String value) {
        return (value == null || value.isBlank()) ? null : value.strip();
    }

    private SegmentView view(ResultSet row, int n) throws SQLException {
        return new SegmentView(row.getLong("id"), row.getString("name"), row.getString("description"),
                this.json.readValue(row.getString("rule"), ContactCriteria.class), row.getString("created_by"),
                instant(row.getTimestamp("created_at")), instant(row.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return (timestamp != null) ? timestamp.toInstant() : null;
    }

}
