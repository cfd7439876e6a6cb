package org.smscampaign.web.coupon;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.smscampaign.campaign.ResultImport;
import org.smscampaign.campaign.ResultImports;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Uploads of offline results and coupon redemptions over REST. */
@RestController
@RequestMapping("/api/v1/conversion-imports")
@Tag(name = "Conversions")
class ResultApiController {

    static final String DESCRIPTION = "A CSV whose first line names the columns: phone, email, coupon (or code), "
            + "order_id (one of them finds the customer), event (default sale), value, currency (ISO 4217, needed "
            + "with a value), occurred_at (2026-12-01, 2026-12-01T14:30Z; default now) and campaign (id or name). "
            + "A coupon attributes the row to the code's campaign, variant and contact; otherwise the campaign "
            + "named (by the row, or campaignId), else the contact's latest campaign message within its "
            + "attribution window. Stored with source IMPORT; each bad row is listed in problems with its line "
            + "and reason, the good ones are kept. Uploading again counts nothing twice (order id and event; "
            + "without an order id, the row's customer, event, value and time).";

    private final ResultImports imports;

    ResultApiController(ResultImports imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload results", description = "The file in the part 'file'. " + DESCRIPTION)
    ResponseEntity<ResultImport> uploadFile(@RequestPart("file") MultipartFile file,
            @RequestParam(required = false) Long campaignId, Principal principal) throws IOException {
        ResultImport upload = this.imports.upload(file.getOriginalFilename(), UploadedText.of(file), campaignId,
                principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/conversion-imports/" + upload.id())).body(upload);
    }

    @GetMapping
    @Operation(summary = "Recent uploads of results, newest first")
    List<ResultImport> recent() {
        return this.imports.recent(100);
    }

    @GetMapping("/{id}")
    @Operation(summary = "An upload of results", description = "Its counts and the rows not taken.")
    ResultImport get(@PathVariable long id) {
        return this.imports.get(id);
    }

}
