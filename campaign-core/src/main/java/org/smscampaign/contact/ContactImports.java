package org.smscampaign.contact;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.contact.imports.CsvSniffer;
import org.smscampaign.contact.imports.ImportJobStore;
import org.smscampaign.contact.imports.ImportRunner;
import org.smscampaign.contact.imports.NotCsvException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;

/**
 * CSV imports of contacts as background jobs: upload (the file is checked and its columns
 * suggested), start with a column mapping and consent settings, follow progress, download
 * the report of rejected rows. Imports run one at a time per instance.
 */
@Service
public class ContactImports implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ContactImports.class);

    private static final Set<ColumnTarget> SINGLE_USE = EnumSet
        .complementOf(EnumSet.of(ColumnTarget.IGNORE, ColumnTarget.CUSTOM));

    private final ImportJobStore store;

    private final ImportRunner runner;

    private final CustomAttributes customAttributes;

    private final ContactLists lists;

    private final ContactProperties properties;

    private final ThreadPoolTaskExecutor executor;

    /** Jobs queued or running in this instance: they keep their heartbeat. */
    private final Set<Long> held = ConcurrentHashMap.newKeySet();

    ContactImports(ImportJobStore store, ImportRunner runner, CustomAttributes customAttributes, ContactLists lists,
            ContactProperties properties, MeterRegistry meters) {
        this.store = store;
        this.runner = runner;
        this.customAttributes = customAttributes;
        this.lists = lists;
        this.properties = properties;
        this.executor = new ThreadPoolTaskExecutor();
        this.executor.setCorePoolSize(1);
        this.executor.setMaxPoolSize(1);
        this.executor.setQueueCapacity(1000);
        this.executor.setThreadNamePrefix("contact-import-");
        this.executor.initialize();
        new ExecutorServiceMetrics(this.executor.getThreadPoolExecutor(), "contact-import", List.of()).bindTo(meters);
    }

    /**
     * Stores and checks an uploaded file. A file that is not CSV is refused with the
     * reason and nothing is kept.
     */
    public ImportJobView upload(String fileName, InputStream content, String uploadedBy) {
        Path directory = this.properties.imports().directoryOrDefault();
        Path stored = directory.resolve(UUID.randomUUID() + ".csv");
        try {
            Files.createDirectories(directory);
            long size;
            try (OutputStream out = Files.newOutputStream(stored)) {
                size = copyAtMost(content, out, this.properties.imports().maxBytes());
            }
            CsvSniffer.Sniffed sniffed = CsvSniffer.sniff(stored);
            String name = cleanFileName(fileName);
            long id = this.store.create(name, stored, size, sniffed, uploadedBy);
            log.info("Import {} uploaded by {}: {} bytes, {} columns", id, uploadedBy, size, sniffed.headers().size());
            return find(id).orElseThrow();
        }
        catch (NotCsvException ex) {
            delete(stored);
            throw ContactProblem.invalid(ex.getMessage() + " Nothing was imported.");
        }
        catch (IOException ex) {
            delete(stored);
            throw new UncheckedIOException("Could not store the upload", ex);
        }
        catch (RuntimeException ex) {
            delete(stored);
            throw ex;
        }
    }

    /**
     * Starts an uploaded import with the given settings. Starting it again does nothing
     * (the job is returned as it is), so a double submit imports once.
     */
    public ImportJobView start(long id, ImportSettings settings) {
        ImportJobView job = find(id).orElseThrow(() -> ContactProblem.notFound("Import " + id));
        if (job.status() != ImportStatus.UPLOADED) {
            return job;
        }
        validate(job, settings);
        for (ColumnMapping column : settings.columns()) {
            if (column.target() == ColumnTarget.CUSTOM) {
                this.customAttributes.define(column.attributeKey(), job.headers().get(column.column()),
                        column.attributeType());
            }
        }
        ImportSettings normalized = new ImportSettings(settings.columns().stream().map(this::normalizedKey).toList(),
                settings.defaultRegion().toUpperCase(Locale.ROOT), settings.dateOrder(), settings.consent(),
                settings.consentSource(), blankToNull(settings.consentProof()), settings.policy(), settings.listId(),
                settings.consentConfirmed(), settings.consentObtained());
        if (this.store.queue(id, normalized)) {
            this.held.add(id);
            try {
                this.executor.execute(() -> {
                    try {
                        this.runner.run(id);
                    }
                    finally {
                        this.held.remove(id);
                    }
                });
            }
            catch (TaskRejectedException ex) {
                this.held.remove(id);
                this.store.fail(id, "1,000 imports are waiting already; start this one again later.");
                delete(this.store.storedFile(id));
            }
        }
        return find(id).orElseThrow();
    }

    public Optional<ImportJobView> find(long id) {
        return this.store.find(id);
    }

    public List<ImportJobView> recent(int limit) {
        return this.store.recent(limit);
    }

    /**
     * The first rows of the file, as the mapping screen shows them; empty once imported.
     */
    public List<List<String>> sample(long id) {
        Path file = this.store.storedFile(id);
        try {
            return Files.exists(file) ? CsvSniffer.sniff(file).sample() : List.of();
        }
        catch (IOException | NotCsvException ex) {
            return List.of();
        }
    }

    /** The first rejected rows' problems (errors). */
    public List<ImportRejectionView> rejections(long id, int limit) {
        return this.store.problems(id, false, limit);
    }

    /** The first warnings: rows imported with a field left empty, or a landline. */
    public List<ImportRejectionView> warnings(long id, int limit) {
        return this.store.problems(id, true, limit);
    }

    /**
     * The report: one CSV line per problem, with line, column, value, reason, and whether
     * the row was rejected or imported with a warning.
     */
    public void writeRejections(long id, Writer out) {
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out);
        csv.writeRecord("line", "column", "value", "reason", "outcome");
        this.store.forEachRejection(id,
                (rejection) -> csv.writeRecord(String.valueOf(rejection.line()), ContactExport.safe(rejection.column()),
                        ContactExport.safe(rejection.value()), rejection.reason(),
                        rejection.warning() ? "imported with a warning" : "row rejected"));
        try {
            csv.flush();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Jobs of an instance that stopped mid-import are failed, so nobody waits for them,
     * and their files (personal data) deleted: at the start and every 30 s (an instance
     * that died is noticed by the others). Jobs this instance holds beat first.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
    void failAbandonedImports() {
        this.store.keepAlive(List.copyOf(this.held));
        List<Path> files = this.store.failAbandoned(this.properties.imports().abandonedAfter());
        files.forEach(ContactImports::delete);
        if (!files.isEmpty()) {
            log.warn("{} import(s) were interrupted by a restart and are marked failed", files.size());
        }
    }

    @Override
    public void destroy() {
        this.executor.shutdown();
    }

    private void validate(ImportJobView job, ImportSettings settings) {
        if (settings.defaultRegion() == null || !PhoneNumberUtil.getInstance()
            .getSupportedRegions()
            .contains(settings.defaultRegion().toUpperCase(Locale.ROOT))) {
            throw ContactProblem.invalid("Choose the default region for numbers without country code (e.g. DE, US).");
        }
        long phoneColumns = settings.columns().stream().filter((c) -> c.target() == ColumnTarget.PHONE).count();
        if (phoneColumns != 1) {
            throw ContactProblem.invalid("Map exactly one column to the phone number.");
        }
        Set<ColumnTarget> used = EnumSet.noneOf(ColumnTarget.class);
        Set<Integer> columns = new java.util.HashSet<>();
        for (ColumnMapping column : settings.columns()) {
            if (column.target() == null || column.column() < 0 || column.column() >= job.headers().size()
                    || !columns.add(column.column())) {
                throw ContactProblem.invalid("The column mapping refers to a column the file does not have.");
            }
            if (SINGLE_USE.contains(column.target()) && !used.add(column.target())) {
                throw ContactProblem.invalid(column.target().label() + " is mapped to more than one column.");
            }
            if (column.target() == ColumnTarget.CUSTOM
                    && (column.attributeKey() == null || CustomAttributes.normalizeKey(column.attributeKey()).isEmpty()
                            || column.attributeType() == null)) {
                throw ContactProblem.invalid("A custom attribute column needs a key and a type.");
            }
        }
        if (settings.consent() == ConsentStatus.SUBSCRIBED && !settings.consentEvidenced()) {
            throw ContactProblem.invalid("To import these people as subscribed, confirm that you have their consent, "
                    + "say how you obtained it and give a proof or reference (for example \"newsletter double "
                    + "opt-in, 2025\"). Without it, import them as pending: they cannot be messaged until they "
                    + "subscribe.");
        }
        if (settings.consentProof() != null && settings.consentProof().length() > 1000) {
            throw ContactProblem.invalid("The proof of consent has at most 1000 characters.");
        }
        if (settings.listId() != null && this.lists.find(settings.listId()).isEmpty()) {
            throw ContactProblem.notFound("List " + settings.listId());
        }
    }

    private ColumnMapping normalizedKey(ColumnMapping column) {
        return (column.target() == ColumnTarget.CUSTOM) ? new ColumnMapping(column.column(), column.target(),
                CustomAttributes.normalizeKey(column.attributeKey()), column.attributeType()) : column;
    }

    private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > limit) {
                throw ContactProblem.invalid(
                        "The file is larger than " + (limit / (1024 * 1024)) + " MB. Split it into smaller files.");
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private static String cleanFileName(String fileName) {
        String name = (fileName != null) ? fileName.replace('\\', '/') : "";
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "");
        return name.isBlank() ? "upload.csv" : (name.length() > 255 ? name.substring(0, 255) : name);
    }

    private static String blankToNull(String value) {
        return (value == null || value.isBlank()) ? null : value.strip();
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ex) {
            log.warn("Could not delete {}", file);
        }
    }

}
