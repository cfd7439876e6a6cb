package org.smscampaign.web.contact;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.smscampaign.contact.ConsentSource;
import org.smscampaign.contact.ConsentStatus;
import org.smscampaign.contact.ContactDetails;
import org.smscampaign.contact.ContactExport;
import org.smscampaign.contact.ContactManagement;
import org.smscampaign.contact.ContactPage;
import org.smscampaign.contact.ContactSearch;
import org.smscampaign.segment.Segments;
import org.smscampaign.web.bulkhead.ExpensiveRead;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Contacts over REST: search, create, read, update, consent changes, erasure and CSV
 * export.
 */
@RestController
@RequestMapping("/api/v1/contacts")
@Tag(name = "Contacts")
class ContactApiController {

    private final ContactManagement contacts;

    private final ContactExport export;

    private final Segments segments;

    ContactApiController(ContactManagement contacts, ContactExport export, Segments segments) {
        this.contacts = contacts;
        this.export = export;
        this.segments = segments;
    }

    @GetMapping
    @Operation(summary = "Search contacts",
            description = "Newest first. q matches part of the name, e-mail address or phone number.")
    ContactPage search(@RequestParam(required = false) String q, @RequestParam(required = false) Long list,
            @RequestParam(required = false) ConsentStatus consent, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return this.contacts.search(new ContactSearch(q, list, consent), Math.max(page, 0),
                Math.min(Math.max(size, 1), 500));
    }

    @PostMapping
    @Operation(summary = "Create a contact",
            description = "409 with existingId when the number is already a contact; 400 lists each invalid field.")
    ResponseEntity<ContactDetails> create(@RequestBody ContactRequest request, Principal principal) {
        ContactRequest.WhatsAppConsentRequest whatsapp = request.whatsappConsent();
        ContactDetails created = this.contacts.create(request.input(), request.consentOrDefault(), ConsentSource.API,
                request.consentProof(), principal.getName(), (whatsapp != null) ? whatsapp.status() : null,
                (whatsapp != null) ? whatsapp.proof() : null);
        return ResponseEntity.created(URI.create("/api/v1/contacts/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A contact with its consent log and lists")
    ContactDetails get(@PathVariable long id) {
        return this.contacts.find(id).orElseThrow(() -> notFound(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a contact's fields",
            description = "SMS consent is changed separately; a whatsappConsent given is changed and logged.")
    ContactDetails update(@PathVariable long id, @RequestBody ContactRequest request, Principal principal) {
        ContactRequest.WhatsAppConsentRequest whatsapp = request.whatsappConsent();
        return this.contacts.update(id, request.input(), (whatsapp != null) ? whatsapp.status() : null,
                (whatsapp != null) ? whatsapp.proof() : null, ConsentSource.API, principal.getName());
    }

    @PostMapping("/{id}/whatsapp-consent")
    @Operation(summary = "Change a contact's WhatsApp opt-in",
            description = "A consent of its own, logged with its proof (an opt-in needs one). The SMS consent "
                    + "is left as it is.")
    ContactDetails whatsappConsent(@PathVariable long id,
            @Valid @RequestBody ContactRequest.WhatsAppConsentRequest request, Principal principal) {
        return this.contacts.changeWhatsAppConsent(id, request.status(), ConsentSource.API, request.proof(),
                principal.getName());
    }

    @PostMapping("/{id}/consent")
    @Operation(summary = "Change a contact's consent", description = "Appended to the contact's consent log.")
    ContactDetails consent(@PathVariable long id, @Valid @RequestBody ConsentRequest request, Principal principal) {
        return this.contacts.changeConsent(id, request.status(), request.sourceOrDefault(), request.proof(),
                principal.getName());
    }

    @PostMapping("/{id}/erasure")
    @Operation(summary = "Erase a contact's personal data",
            description = "On the person's request. The anonymous contact remains for statistics, unsubscribed.")
    ResponseEntity<Void> erase(@PathVariable long id, Principal principal) {
        this.contacts.erase(id, principal.getName());
        return ResponseEntity.noContent().build();
    }

    @ExpensiveRead
    @GetMapping(value = "/export", produces = "text/csv")
    @Operation(summary = "Export contacts as CSV", description = "All contacts, or those of a list and/or segment.")
    ResponseEntity<StreamingResponseBody> exportCsv(@RequestParam(required = false) Long list,
            @RequestParam(required = false) Long segment) {
        return csvExport(this.export, AudienceFilter.of(list, segment, this.segments));
    }

    static ResponseEntity<StreamingResponseBody> csvExport(ContactExport export,
            org.smscampaign.contact.ContactCriteria criteria) {
        StreamingResponseBody body = (out) -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            export.write(criteria, writer);
            writer.flush();
        };
        return ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"contacts.csv\"")
            .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
            .body(body);
    }

    static ResponseStatusException notFound(long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "Contact " + id + " does not exist.");
    }

}
