package org.smscampaign.contact.imports;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.smscampaign.contact.BatchResult;
import org.smscampaign.contact.ImportJobView;
import org.smscampaign.contact.ImportRejectionView;
import org.smscampaign.contact.ImportSettings;
import org.smscampaign.contact.ImportStatus;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code contact_import} and {@code contact_import_rejection} tables. */
@Repository
public class ImportJobStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    private final JdbcTemplate template;

    private final JsonMapper json;

    ImportJobStore(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    public long create(String fileName, Path storedFile, long sizeBytes, CsvSniffer.Sniffed sniffed, String createdBy) {
        return this.jdbc.sql("""
                insert into contact_import (file_name, stored_file, size_bytes, charset, separator, headers, status,
                    created_by)
                values (:name, :file, :size, :charset, :separator, cast(:headers as jsonb), 'UPLOADED', :by)
                returning id""")
            .param("name", fileName)
            .param("file", storedFile.toString())
            .param("size", sizeBytes)
            .param("charset", sniffed.charset().name())
            .param("separator", String.valueOf(sniffed.separator()))
            .param("headers", this.json.writeValueAsString(sniffed.headers()))
            .param("by", createdBy)
            .query(Long.class)
            .single();
    }

    public Optional<ImportJobView> find(long id) {
        return this.jdbc.sql("select * from contact_import where id = :id")
            .param("id", id)
            .query(this::view)
            .optional();
    }

    public List<ImportJobView> recent(int limit) {
        return this.jdbc.sql("select * from contact_import order by id desc limit :limit")
            .param("limit", limit)
            .query(this::view)
            .list();
    }

    public Path storedFile(long id) {
        return Path.of(this.jdbc.sql("select stored_file from contact_import where id = :id")
            .param("id", id)
            .query(String.class)
            .single());
    }

    /** Queues an uploaded job; false if it was queued before (a repeated submit). */
    public boolean queue(long id, ImportSettings settings) {
        return this.jdbc
            .sql("update contact_import set status = 'QUEUED', settings = cast(:settings as jsonb), "
                    + "heartbeat_at = now() where id = :id and status = 'UPLOADED'")
            .param("id", id)
            .param("settings", this.json.writeValueAsString(settings))
            .update() == 1;
    }

    public boolean markRunning(long id) {
        return this.jdbc
            .sql("update contact_import set status = 'RUNNING', started_at = now(), heartbeat_at = now() "
                    + "where id = :id and status = 'QUEUED'")
            .param("id", id)
            .update() == 1;
    }

    /**
     * Where the reader is; the counts of written rows move with their batches
     * ({@link #addWritten}).
     */
    public void progress(long id, long rowsRead, long bytesRead, long rejected, long warned) {
        this.jdbc.sql("""
                update contact_import set rows_read = :rows, bytes_read = :bytes, rejected_count = :rejected,
                    warning_count = :warned, heartbeat_at = now()
                where id = :id""")
            .param("id", id)
            .param("rows", rowsRead)
            .param("bytes", bytesRead)
            .param("rejected", rejected)
            .param("warned", warned)
            .update();
    }

    /** Adds a written batch to the job's counts, in the batch's transaction. */
    public void addWritten(long id, BatchResult written) {
        this.jdbc.sql("""
                update contact_import set created_count = created_count + :created,
                    updated_count = updated_count + :updated, skipped_count = skipped_count + :skipped
                where id = :id""")
            .param("id", id)
            .param("created", written.created())
            .param("updated", written.updated())
            .param("skipped", written.skipped())
            .update();
    }

    public void complete(long id) {
        this.jdbc
            .sql("update contact_import set status = 'COMPLETED', finished_at = now(), bytes_read = size_bytes "
                    + "where id = :id")
            .param("id", id)
            .update();
    }

    public void fail(long id, String reason) {
        this.jdbc
            .sql("update contact_import set status = 'FAILED', finished_at = now(), failure = :reason "
                    + "where id = :id")
            .param("id", id)
            .param("reason", (reason.length() > 1000) ? reason.substring(0, 1000) : reason)
            .update();
    }

    /**
     * Fails jobs queued or running whose instance stopped beating; returns their stored
     * files (to delete: they hold personal data).
     */
    public List<Path> failAbandoned(Duration silence) {
        return this.jdbc
            .sql("""
                    update contact_import set status = 'FAILED', finished_at = now(),
                        failure = 'Interrupted by a restart of the platform. Rows imported before remain; run the import again to finish it.'
                    where status in ('QUEUED', 'RUNNING')
                      and coalesce(heartbeat_at, created_at) < now() - cast(:silence as interval)
                    returning stored_file""")
            .param("silence", silence.toSeconds() + " seconds")
            .query((row, n) -> Path.of(row.getString("stored_file")))
            .list();
    }

    /** The instance still holds these jobs (queued here or running here). */
    public void keepAlive(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        this.jdbc.sql(
                "update contact_import set heartbeat_at = now() where id = any(:ids) and status in ('QUEUED', 'RUNNING')")
            .param("ids", ids.stream().mapToLong(Long::longValue).toArray())
            .update();
    }

    public void addRejections(long id, List<ImportRejectionView> rejections) {
        if (rejections.isEmpty()) {
            return;
        }
        this.template.batchUpdate("insert into contact_import_rejection (import_id, line, column_name, raw_value, "
                + "reason, severity) values (?, ?, ?, ?, ?, ?)", rejections, 1000, (statement, rejection) -> {
                    statement.setLong(1, id);
                    statement.setLong(2, rejection.line());
                    statement.setString(3, truncate(rejection.column(), 255));
                    statement.setString(4, truncate(rejection.value(), 300));
                    statement.setString(5, truncate(rejection.reason(), 300));
                    statement.setString(6, rejection.warning() ? "WARNING" : "ERROR");
                });
    }

    /**
     * The first problems of one kind: rejected rows (errors) or fields left empty
     * (warnings).
     */
    public List<ImportRejectionView> problems(long id, boolean warnings, int limit) {
        return this.jdbc
            .sql("select * from contact_import_rejection where import_id = :id and severity = :severity "
                    + "order by line limit :limit")
            .param("id", id)
            .param("severity", warnings ? "WARNING" : "ERROR")
            .param("limit", limit)
            .query(ImportJobStore::rejection)
            .list();
    }

    public void forEachRejection(long id, Consumer<ImportRejectionView> consumer) {
        this.jdbc.sql("select * from contact_import_rejection where import_id = :id order by line, severity")
            .param("id", id)
            .withFetchSize(1000)
            .query((ResultSet row) -> {
                consumer.accept(rejection(row, 0));
            });
    }

    private static ImportRejectionView rejection(ResultSet row, int n) throws SQLException {
        return new ImportRejectionView(row.getLong("line"), row.getString("column_name"), row.getString("raw_value"),
                row.getString("reason"), "WARNING".equals(row.getString("severity")));
    }

    private static String truncate(String value, int length) {
        if (value == null) {
            return null;
        }
        String clean = value.replace('\0', ' ');
        return (clean.length() > length) ? clean.substring(0, length - 1) + "…" : clean;
    }

    private ImportJobView view(ResultSet row, int n) throws SQLException {
        List<String> headers = this.json.readValue(row.getString("headers"), STRINGS);
        String settings = row.getString("settings");
        long size = row.getLong("size_bytes");
        ImportStatus status = ImportStatus.valueOf(row.getString("status"));
        int percent = status.finished() ? 100
                : (size == 0) ? 0 : (int) Math.min(99, row.getLong("bytes_read") * 100 / size);
        return new ImportJobView(row.getLong("id"), row.getString("file_name"), size, row.getString("charset"),
                row.getString("separator").charAt(0), headers, ColumnSuggestions.suggest(headers), status,
                (settings != null) ? this.json.readValue(settings, ImportSettings.class) : null,
                row.getLong("rows_read"), percent, row.getLong("created_count"), row.getLong("updated_count"),
                row.getLong("skipped_count"), row.getLong("rejected_count"), row.getLong("warning_count"),
                row.getString("failure"), row.getString("created_by"), instant(row, "created_at"),
                instant(row, "started_at"), instant(row, "finished_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return (timestamp != null) ? timestamp.toInstant() : null;
    }

}
