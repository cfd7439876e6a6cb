package org.smscampaign.messaging.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.smscampaign.messaging.SavedAnswer;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Saved answers of the inbox, by title. */
@Component
public class SavedAnswerStore {

    private final JdbcClient jdbc;

    SavedAnswerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SavedAnswer> all() {
        return this.jdbc.sql("select * from inbox_saved_answer order by lower(title)")
            .query(SavedAnswerStore::answer)
            .list();
    }

    public Optional<SavedAnswer> find(long id) {
        return this.jdbc.sql("select * from inbox_saved_answer where id = :id")
            .param("id", id)
            .query(SavedAnswerStore::answer)
            .optional();
    }

    public SavedAnswer save(Long id, String title, String body, String by) {
        try {
            if (id == null) {
                return this.jdbc.sql("""
                        insert into inbox_saved_answer (title, body, created_by) values (:title, :body, :by)
                        returning *""")
                    .param("title", title)
                    .param("body", body)
                    .param("by", by)
                    .query(SavedAnswerStore::answer)
                    .single();
            }
            return this.jdbc.sql("""
                    update inbox_saved_answer set title = :title, body = :body, updated_at = now()
                    where id = :id returning *""")
                .param("id", id)
                .param("title", title)
                .param("body", body)
                .query(SavedAnswerStore::answer)
                .optional()
                .orElseThrow(() -> new java.util.NoSuchElementException("No saved answer " + id));
        }
        catch (DuplicateKeyException ex) {
            throw new IllegalArgumentException("title: a saved answer called '" + title + "' exists already");
        }
    }

    public boolean delete(long id) {
        return this.jdbc.sql("delete from inbox_saved_answer where id = :id").param("id", id).update() == 1;
    }

    private static SavedAnswer answer(ResultSet row, int n) throws SQLException {
        return new SavedAnswer(row.getLong("id"), row.getString("title"), row.getString("body"),
                row.getString("created_by"), row.getTimestamp("updated_at").toInstant());
    }

}
