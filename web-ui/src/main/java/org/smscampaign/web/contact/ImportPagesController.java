package org.smscampaign.web.contact;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import org.smscampaign.contact.ColumnMapping;
import org.smscampaign.contact.ColumnTarget;
import org.smscampaign.contact.ConsentOrigin;
import org.smscampaign.contact.ConsentSource;
import org.smscampaign.contact.ConsentStatus;
import org.smscampaign.contact.ContactImports;
import org.smscampaign.contact.ContactLists;
import org.smscampaign.contact.ContactProblem;
import org.smscampaign.contact.ContactProperties;
import org.smscampaign.contact.CustomAttributeType;
import org.smscampaign.contact.DateOrder;
import org.smscampaign.contact.ExistingContactPolicy;
import org.smscampaign.contact.ImportJobView;
import org.smscampaign.contact.ImportSettings;
import org.smscampaign.contact.ImportStatus;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The CSV import flow in the browser: upload, map the columns and choose consent and
 * policy, watch the progress, read and download the rejected rows.
 */
@Controller
@RequestMapping("/contacts/imports")
class ImportPagesController {

    static final int REJECTIONS_SHOWN = 200;

    private final ContactImports imports;

    private final ContactLists lists;

    private final ContactProperties properties;

    private final ImportApiController api;

    ImportPagesController(ContactImports imports, ContactLists lists, ContactProperties properties,
            ImportApiController api) {
        this.imports = imports;
        this.lists = lists;
        this.properties = properties;
        this.api = api;
    }

    @GetMapping
    String index(Model model) {
        model.addAttribute("imports", this.imports.recent(50));
        return "contacts/imports";
    }

    @PostMapping
    String upload(@RequestParam("file") MultipartFile file, Principal principal, RedirectAttributes redirect)
            throws IOException {
        if (file.isEmpty()) {
            redirect.addFlashAttribute("error", "Choose a CSV file to upload.");
            return "redirect:/contacts/imports";
        }
        try (InputStream content = file.getInputStream()) {
            ImportJobView job = this.imports.upload(file.getOriginalFilename(), content, principal.getName());
            return "redirect:/contacts/imports/" + job.id();
        }
        catch (ContactProblem ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
            return "redirect:/contacts/imports";
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        ImportJobView job = get(id);
        model.addAttribute("job", job);
        if (job.status() == ImportStatus.UPLOADED) {
            model.addAttribute("sample", this.imports.sample(id));
            // Custom attribute last: it asks for a key and a type.
            model.addAttribute("targets",
                    java.util.stream.Stream.of(ColumnTarget.values())
                        .sorted(java.util.Comparator.comparing((ColumnTarget t) -> t == ColumnTarget.CUSTOM))
                        .toList());
            model.addAttribute("attributeTypes", List.of(CustomAttributeType.values()));
            model.addAttribute("consentStatuses", List.of(ConsentStatus.values()));
            model.addAttribute("consentSources", List.of(ConsentSource.values()));
            model.addAttribute("consentOrigins", List.of(ConsentOrigin.values()));
            model.addAttribute("policies", List.of(ExistingContactPolicy.values()));
            model.addAttribute("dateOrders", List.of(DateOrder.values()));
            model.addAttribute("lists", this.lists.all());
            model.addAttribute("defaultRegion", this.properties.defaultRegion());
        }
        else {
            model.addAttribute("rejections", this.imports.rejections(id, REJECTIONS_SHOWN));
            model.addAttribute("warnings", this.imports.warnings(id, REJECTIONS_SHOWN));
            model.addAttribute("rejectionsShown", REJECTIONS_SHOWN);
        }
        return "contacts/import";
    }

    @PostMapping("/{id}/start")
    String start(@PathVariable long id, @RequestParam("target") List<ColumnTarget> targets,
            @RequestParam(name = "attributeKey", required = false) List<String> keys,
            @RequestParam(name = "attributeType", required = false) List<String> types,
            @RequestParam String defaultRegion, @RequestParam(required = false) DateOrder dateOrder,
            @RequestParam ConsentStatus consent, @RequestParam(required = false) ConsentSource consentSource,
            @RequestParam(required = false) String consentProof, @RequestParam ExistingContactPolicy policy,
            @RequestParam(required = false) Long listId, @RequestParam(defaultValue = "false") boolean consentConfirmed,
            @RequestParam(required = false) ConsentOrigin consentObtained, RedirectAttributes redirect) {
        List<ColumnMapping> columns = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            ColumnTarget target = targets.get(i);
            if (target == ColumnTarget.CUSTOM) {
                String key = (keys != null && i < keys.size()) ? keys.get(i) : null;
                String type = (types != null && i < types.size()) ? types.get(i) : null;
                columns.add(new ColumnMapping(i, target, key,
                        (type == null || type.isBlank()) ? null : CustomAttributeType.valueOf(type)));
            }
            else if (target != ColumnTarget.IGNORE) {
                columns.add(ColumnMapping.of(i, target));
            }
        }
        try {
            this.imports.start(id, new ImportSettings(columns, defaultRegion, dateOrder, consent, consentSource,
                    consentProof, policy, listId, consentConfirmed, consentObtained));
        }
        catch (ContactProblem ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/contacts/imports/" + id;
    }

    @GetMapping("/{id}/rejections.csv")
    ResponseEntity<StreamingResponseBody> rejections(@PathVariable long id) {
        return this.api.rejections(id);
    }

    private ImportJobView get(long id) {
        return this.imports.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

}
