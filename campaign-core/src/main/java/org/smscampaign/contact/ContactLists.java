package org.smscampaign.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Static lists of contacts: created by hand or by an import, members added and removed.
 */
@Service
public class ContactLists {

    private static final String VIEW = """
            select l.id, l.name, l.description, l.created_at,
                (select count(*) from contact_list_member m where m.list_id = l.id) as members
            from contact_list l""";

    private final JdbcClient jdbc;

    ContactLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static ContactListView view(ResultSet row, int rowNumber) throws SQLException {
        return new ContactListView(row.getLong("id"), row.getString("name"), row.getString("description"),
                row.getLong("members"), ContactRows.instant(row, "created_at"));
    }

    @Transactional(readOnly = true)
    public List<ContactListView> all() {
        return this.jdbc.sql(VIEW + " order by l.name").query(ContactLists::view).list();
    }

    @Transactional(readOnly = true)
    public Optional<ContactListView> find(long id) {
        return this.jdbc.sql(VIEW + " where l.id = :id").param("id", id).query(ContactLists::view).optional();
    }

    @Transactional
    public ContactListView create(String name, String description) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw ContactProblem.invalid("A list needs a name of 1 to 100 characters.");
        }
        if (description != null && description.length() > 500) {
            throw ContactProblem.invalid("A list description has at most 500 characters.");
        }
        try {
            long id = this.jdbc
                .sql("insert into contact_list (name, description) values (:name, :description) " + "returning id")
                .param("name", name.strip())
                .param("description", (description != null && !description.isBlank()) ? description.strip() : null)
                .query(Long.class)
                .single();
            return find(id).orElseThrow();
        }
        catch (DuplicateKeyException ex) {
            throw ContactProblem.conflict("A list named '" + name.strip() + "' already exists.");
        }
    }

    @Transactional
    public void delete(long id) {
        if (this.jdbc.sql("delete from contact_list where id = :id").param("id", id).update() == 0) {
            throw ContactProblem.notFound("List " + id);
        }
    }

    /** Adds live contacts to the list; returns how many were new members. */
    @Transactional
    public int add(long listId, Collection<Long> contactIds) {
        require(listId);
        if (contactIds.isEmpty()) {
            return 0;
        }
        return this.jdbc.sql("""
                insert into contact_list_member (list_id, contact_id)
                select :list, c.id from contact c where c.id = any(:ids) and c.erased_at is null
                on conflict do nothing""").param("list", listId).param("ids", contactIds.toArray(Long[]::new)).update();
    }

    @Transactional
    public int remove(long listId, Collection<Long> contactIds) {
        require(listId);
        return this.jdbc.sql("delete from contact_list_member where list_id = :list and contact_id = any(:ids)")
            .param("list", listId)
            .param("ids", contactIds.toArray(Long[]::new))
            .update();
    }

    private void require(long listId) {
        if (find(listId).isEmpty()) {
            throw ContactProblem.notFound("List " + listId);
        }
    }

}
