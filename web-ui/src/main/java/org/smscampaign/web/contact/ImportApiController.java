package org.smscampaign.web.contact;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.smscampaign.contact.ContactImports;
import org.smscampaign.contact.ImportJobView;
import org.smscampaign.contact.ImportRejectionView;
import org.smscampaign.contact.ImportSettings;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * CSV imports over REST: upload (optionally with settings, which starts the import at
 * once), start, follow, and download the report of rejected rows.
 */
@RestController
@RequestMapping("/api/v1/contact-imports")
@Tag(name = "Contact imports")
class ImportApiController {

    private static final int PROBLEMS_LISTED = 1000;

    private final ContactImports imports;

    ImportApiController(ContactImports imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a CSV file",
            description = "Checks the file and suggests a target for each column. With a settings part "
                    + "(application/json) the import starts at once; otherwise start it with /start. "
                    + "A file that is not CSV is refused (400) and nothing is imported. Consent: contacts are "
                    + "imported as PENDING (cannot be messaged) unless the settings say consent SUBSCRIBED with "
                    + "consentConfirmed true, consentObtained (WEB_FORM, IN_STORE, EXISTING_CUSTOMERS, EVENT, "
                    + "PAPER_FORM, OTHER) and consentProof; both are kept in each contact's consent log.")
    ResponseEntity<ImportJobView> upload(@RequestPart("file") MultipartFile file,
            @RequestPart(value = "settings", required = false) ImportSettings settings, Principal principal)
            throws IOException {
        ImportJobView job;
        try (InputStream content = file.getInputStream()) {
            job = this.imports.upload(file.getOriginalFilename(), content, principal.getName());
        }
        if (settings != null) {
            job = this.imports.start(job.id(), settings);
        }
        return ResponseEntity.created(URI.create("/api/v1/contact-imports/" + job.id())).body(job);
    }

    @PostMapping("/{id}/start")
    @Operation(summary = "Start an uploaded import",
            description = "Runs in the background; follow it with GET. Starting twice imports once. SUBSCRIBED "
                    + "consent needs consentConfirmed, consentObtained and consentProof (400 otherwise).")
    ResponseEntity<ImportJobView> start(@PathVariable long id, @RequestBody ImportSettings settings) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(this.imports.start(id, settings));
    }

    @GetMapping
    @Operation(summary = "The 50 latest imports")
    List<ImportJobView> recent() {
        return this.imports.recent(50);
    }

    @GetMapping("/{id}")
    @Operation(summary = "An import's state, progress and counts")
    ImportJobView get(@PathVariable long id) {
        return this.imports.find(id)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Import " + id + " does not exist."));
    }

    @GetMapping("/{id}/errors")
    @Operation(summary = "The first 1,000 problems that rejected a row",
            description = "Line, column, value and reason of each; a row is rejected only for its phone number "
                    + "(missing, invalid, duplicate in the file).")
    List<ImportRejectionView> errors(@PathVariable long id) {
        get(id);
        return this.imports.rejections(id, PROBLEMS_LISTED);
    }

    @GetMapping("/{id}/warnings")
    @Operation(summary = "The first 1,000 warnings of rows that were imported",
            description = "Line, column, value and reason of each: an optional field that was not valid is left "
                    + "empty (the row is imported), and a landline is imported but cannot receive SMS.")
    List<ImportRejectionView> warnings(@PathVariable long id) {
        get(id);
        return this.imports.warnings(id, PROBLEMS_LISTED);
    }

    @GetMapping(value = "/{id}/rejections", produces = "text/csv")
    @Operation(summary = "The report as CSV: line, column, value, reason, outcome",
            description = "Every problem of the import: outcome says \"row rejected\" (an error) or \"imported "
                    + "with a warning\" (the field was left empty).")
    ResponseEntity<StreamingResponseBody> rejections(@PathVariable long id) {
        get(id);
        StreamingResponseBody body = (out) -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            this.imports.writeRejections(id, writer);
            writer.flush();
        };
        return ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + id + "-rejected-rows.csv\"")
            .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
            .body(body);
    }

}
