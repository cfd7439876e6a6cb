package org.smscampaign.contact.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.carrotsearch.hppc.LongHashSet;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.contact.BatchOptions;
import org.smscampaign.contact.BatchResult;
import org.smscampaign.contact.ColumnMapping;
import org.smscampaign.contact.ColumnTarget;
import org.smscampaign.contact.ContactBatches;
import org.smscampaign.contact.ContactInput;
import org.smscampaign.contact.ContactNormalizer;
import org.smscampaign.contact.ContactProperties;
import org.smscampaign.contact.CustomAttributeType;
import org.smscampaign.contact.CustomAttributes;
import org.smscampaign.contact.DateOrder;
import org.smscampaign.contact.FieldProblem;
import org.smscampaign.contact.ImportJobView;
import org.smscampaign.contact.ImportRejectionView;
import org.smscampaign.contact.ImportSettings;
import org.smscampaign.contact.NormalizedContact;

import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one import: streams the file through the CSV parser, validates each row, and
 * writes valid rows in batches while the next batch is being read (so parsing and
 * database work overlap). Memory stays flat: one batch in hand, one being written, and a
 * set of the numbers seen (8 bytes each) to report duplicates inside the file.
 */
@Component
public class ImportRunner {

    /** Tries of a batch that lost a deadlock. */
    private static final int WRITE_ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final ImportJobStore store;

    private final ContactNormalizer normalizer;

    private final ContactBatches batches;

    private final CustomAttributes customAttributes;

    private final ContactProperties properties;

    private final TransactionTemplate transaction;

    ImportRunner(ImportJobStore store, ContactNormalizer normalizer, ContactBatches batches,
            CustomAttributes customAttributes, ContactProperties properties, TransactionTemplate transaction) {
        this.store = store;
        this.normalizer = normalizer;
        this.batches = batches;
        this.customAttributes = customAttributes;
        this.properties = properties;
        this.transaction = transaction;
    }

    public void run(long jobId) {
        if (!this.store.markRunning(jobId)) {
            return;
        }
        ImportJobView job = this.store.find(jobId).orElseThrow();
        Path file = this.store.storedFile(jobId);
        long started = System.nanoTime();
        try {
            Run run = new Run(job, file);
            run.execute();
            this.store.complete(jobId);
            log.info(
                    "Import {} of {} rows finished in {} ms (writing {} ms, reader waited {} ms): {} created, "
                            + "{} updated, {} skipped, {} rejected, {} with warnings",
                    jobId, run.rows, (System.nanoTime() - started) / 1_000_000, run.writingNanos.get() / 1_000_000,
                    run.waitedNanos / 1_000_000, run.written.created(), run.written.updated(), run.written.skipped(),
                    run.rejectedRows, run.warnedRows);
        }
        catch (CsvParseException ex) {
            this.store.fail(jobId,
                    "The file is not valid CSV: " + ex.getMessage() + ". Rows before that point were imported.");
        }
        catch (RuntimeException | IOException ex) {
            log.error("Import {} failed", jobId, ex);
            this.store.fail(jobId, "The import stopped because of an internal error (" + ex.getClass().getSimpleName()
                    + "). Rows before that point were imported; the error is in the log.");
        }
        finally {
            try {
                Files.deleteIfExists(file);
            }
            catch (IOException ex) {
                log.warn("Could not delete imported file {}", file);
            }
        }
    }

    /** The state of one run through a file. */
    private final class Run {

        private final ImportJobView job;

        private final Path file;

        private final ImportSettings settings;

        private final ColumnTarget[] targets;

        private final String[] customKeys;

        private final Map<String, String> headerOfField = new HashMap<>();

        private final Map<String, CustomAttributeType> types;

        private final DateOrder dateOrder;

        private final BatchOptions options;

        private final LongHashSet seen = new LongHashSet(1 << 16);

        private List<NormalizedContact> batch = new ContactBatches.UniqueNumbers(1024);

        private final List<ImportRejectionView> rejections = new ArrayList<>();

        private CompletableFuture<BatchResult> pending = CompletableFuture.completedFuture(BatchResult.NONE);

        private BatchResult written = BatchResult.NONE;

        private long rows;

        private long rejectedRows;

        private long warnedRows;

        private long waitedNanos;

        private boolean likelyNew = true;

        private final java.util.concurrent.atomic.AtomicLong writingNanos = new java.util.concurrent.atomic.AtomicLong();

        private CountingInputStream counting;

        Run(ImportJobView job, Path file) {
            this.job = job;
            this.file = file;
            this.settings = job.settings();
            this.targets = new ColumnTarget[job.headers().size()];
            this.customKeys = new String[job.headers().size()];
            java.util.Arrays.fill(this.targets, ColumnTarget.IGNORE);
            for (ColumnMapping mapping : this.settings.columns()) {
                this.targets[mapping.column()] = mapping.target();
                String header = job.headers().get(mapping.column());
                if (mapping.target() == ColumnTarget.CUSTOM) {
                    this.customKeys[mapping.column()] = mapping.attributeKey();
                    this.headerOfField.put(mapping.attributeKey(), header);
                }
                else {
                    this.headerOfField.put(mapping.target().name().toLowerCase(java.util.Locale.ROOT), header);
                }
            }
            this.types = ImportRunner.this.customAttributes.types();
            this.dateOrder = this.settings.dateOrderOrDefault();
            this.options = new BatchOptions(this.settings.policy(), this.settings.consent(),
                    this.settings.consentSource(), this.settings.consentRecord(), this.settings.listId(),
                    job.createdBy());
        }

        void execute() throws IOException {
            ExecutorService writer = Executors.newSingleThreadExecutor((task) -> {
                Thread thread = new Thread(task, "contact-import-writer-" + this.job.id());
                thread.setDaemon(true);
                return thread;
            });
            try (InputStream raw = Files.newInputStream(this.file)) {
                this.counting = new CountingInputStream(new BufferedInputStream(raw, 1 << 16));
                Charset charset = Charset.forName(this.job.charset());
                this.counting.skipNBytes(bomLength(charset));
                Reader reader = new InputStreamReader(this.counting, charset);
                try (CsvReader<CsvRecord> csv = CsvReader.builder()
                    .fieldSeparator(this.job.separator())
                    .skipEmptyLines(true)
                    .allowExtraFields(true)
                    .allowMissingFields(true)
                    .ofCsvRecord(reader)) {
                    boolean header = true;
                    for (CsvRecord record : csv) {
                        if (header) {
                            header = false;
                            continue;
                        }
                        row(record);
                        if (this.batch.size() >= ImportRunner.this.properties.imports().batchSize()) {
                            flush(writer);
                        }
                    }
                }
                flush(writer);
                this.written = this.written.plus(join(this.pending));
                this.pending = CompletableFuture.completedFuture(BatchResult.NONE);
                report();
            }
            finally {
                writer.shutdownNow();
            }
        }

        private int bomLength(Charset charset) throws IOException {
            byte[] start;
            try (InputStream in = Files.newInputStream(this.file)) {
                start = in.readNBytes(3);
            }
            if (start.length >= 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB
                    && (start[2] & 0xFF) == 0xBF) {
                return 3;
            }
            boolean utf16 = charset.name().startsWith("UTF-16");
            return (utf16 && start.length >= 2) ? 2 : 0;
        }

        private void row(CsvRecord record) {
            if (allBlank(record)) {
                return;
            }
            this.rows++;
            ContactInput input = input(record);
            ContactNormalizer.Outcome outcome = ImportRunner.this.normalizer.normalizeKeepingValidNumber(input,
                    this.settings.defaultRegion(), this.dateOrder, this.types);
            long line = record.getStartingLineNumber();
            if (!outcome.isValid()) {
                this.rejectedRows++;
                for (FieldProblem problem : outcome.problems()) {
                    this.rejections.add(new ImportRejectionView(line,
                            this.headerOfField.getOrDefault(problem.field(), problem.field()), problem.value(),
                            problem.reason()));
                }
                return;
            }
            NormalizedContact contact = withProof(outcome.contact(), line, input.whatsappOptIn());
            if (!this.seen.add(Long.parseLong(contact.phone().e164(), 1, contact.phone().e164().length(), 10))) {
                this.rejectedRows++;
                this.rejections.add(new ImportRejectionView(line, this.headerOfField.get("phone"), input.phone(),
                        "duplicate inside the file (the first row with this number was imported)"));
                return;
            }
            if (!outcome.warnings().isEmpty()) {
                this.warnedRows++;
                for (FieldProblem warning : outcome.warnings()) {
                    this.rejections.add(new ImportRejectionView(line,
                            this.headerOfField.getOrDefault(warning.field(), warning.field()), warning.value(),
                            warning.reason(), true));
                }
            }
            this.batch.add(contact);
        }

        /**
         * A row's WhatsApp opt-in keeps where it came from: the file, the line, the cell
         * and how the import says consent was obtained.
         */
        private NormalizedContact withProof(NormalizedContact contact, long line, String cell) {
            if (contact.whatsappOptIn() == null) {
                return contact;
            }
            String record = this.settings.consentRecord();
            String proof = "Import of " + this.job.fileName() + ", line " + line + ": "
                    + this.headerOfField.get("whatsapp_consent") + " = " + cell.strip()
                    + ((record != null) ? ". " + record : "");
            return contact.withWhatsAppOptIn(contact.whatsappOptIn().withProof(proof));
        }

        private static boolean allBlank(CsvRecord record) {
            for (int i = 0; i < record.getFieldCount(); i++) {
                if (!record.getField(i).isBlank()) {
                    return false;
                }
            }
            return true;
        }

        private ContactInput input(CsvRecord record) {
            String[] values = new String[ColumnTarget.values().length];
            Map<String, String> custom = null;
            int fields = Math.min(record.getFieldCount(), this.targets.length);
            for (int i = 0; i < fields; i++) {
                ColumnTarget target = this.targets[i];
                if (target == ColumnTarget.IGNORE) {
                    continue;
                }
                if (target == ColumnTarget.CUSTOM) {
                    if (custom == null) {
                        custom = new HashMap<>();
                    }
                    custom.put(this.customKeys[i], record.getField(i));
                }
                else {
                    values[target.ordinal()] = record.getField(i);
                }
            }
            return new ContactInput(values[ColumnTarget.PHONE.ordinal()], values[ColumnTarget.FIRST_NAME.ordinal()],
                    values[ColumnTarget.LAST_NAME.ordinal()], values[ColumnTarget.EMAIL.ordinal()],
                    values[ColumnTarget.CITY.ordinal()], values[ColumnTarget.REGION.ordinal()],
                    values[ColumnTarget.COUNTRY.ordinal()], values[ColumnTarget.GENDER.ordinal()],
                    values[ColumnTarget.BIRTH_DATE.ordinal()], values[ColumnTarget.LANGUAGE.ordinal()],
                    values[ColumnTarget.TIME_ZONE.ordinal()], values[ColumnTarget.TAGS.ordinal()], custom,
                    values[ColumnTarget.PREFERRED_CHANNEL.ordinal()], values[ColumnTarget.WHATSAPP_CONSENT.ordinal()]);
        }

        /**
         * Prepares this batch (ids, COPY text) while the previous one is still being
         * written, then waits for it, hands this one to the writer and records progress.
         */
        private void flush(ExecutorService writer) {
            ContactBatches.PreparedBatch prepared = this.batch.isEmpty() ? null
                    : ImportRunner.this.batches.prepare(this.batch, this.options, this.likelyNew);
            this.batch = new ContactBatches.UniqueNumbers(Math.max(this.batch.size(), 1024));
            long waitStarted = System.nanoTime();
            BatchResult previous = join(this.pending);
            this.waitedNanos += System.nanoTime() - waitStarted;
            this.written = this.written.plus(previous);
            // Copy straight into the table unless the last batch met numbers that were
            // contacts already.
            this.likelyNew = previous.updated() + previous.skipped() == 0;
            this.pending = (prepared == null) ? CompletableFuture.completedFuture(BatchResult.NONE)
                    : CompletableFuture.supplyAsync(() -> {
                        long writeStarted = System.nanoTime();
                        BatchResult result = write(prepared);
                        this.writingNanos.addAndGet(System.nanoTime() - writeStarted);
                        return result;
                    }, writer);
            report();
        }

        /**
         * Writes a batch and adds it to the job's counts in one transaction: whatever
         * stops the process, the counts are what is stored. One that lost a deadlock (a
         * STOP or another writer on the same contacts) rolled back whole and is written
         * again.
         */
        private BatchResult write(ContactBatches.PreparedBatch prepared) {
            for (int attempt = 1;; attempt++) {
                try {
                    return ImportRunner.this.transaction.execute((status) -> {
                        BatchResult result = ImportRunner.this.batches.write(prepared);
                        ImportRunner.this.store.addWritten(this.job.id(), result);
                        return result;
                    });
                }
                catch (TransientDataAccessException ex) {
                    if (attempt == WRITE_ATTEMPTS) {
                        throw ex;
                    }
                    log.warn("Import {}: a batch met another writer ({}); writing it again", this.job.id(),
                            ex.getClass().getSimpleName());
                }
            }
        }

        private void report() {
            ImportRunner.this.store.addRejections(this.job.id(), this.rejections);
            this.rejections.clear();
            ImportRunner.this.store.progress(this.job.id(), this.rows, this.counting.count(), this.rejectedRows,
                    this.warnedRows);
        }

        private static BatchResult join(CompletableFuture<BatchResult> future) {
            try {
                return future.join();
            }
            catch (CompletionException ex) {
                if (ex.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw ex;
            }
        }

    }

}
