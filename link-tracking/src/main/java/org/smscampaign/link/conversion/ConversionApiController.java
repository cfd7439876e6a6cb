package org.smscampaign.link.conversion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.smscampaign.link.ConversionRequest;
import org.smscampaign.link.ConversionView;
import org.smscampaign.link.Conversions;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The server-to-server conversion postback: an API key with the conversions:write scope
 * (or a marketer's session), see the web module's security configuration.
 */
@RestController
@Tag(name = "Conversions")
class ConversionApiController {

    private final Conversions conversions;

    ConversionApiController(Conversions conversions) {
        this.conversions = conversions;
    }

    @PostMapping("/api/v1/conversions")
    @Operation(summary = "Report a conversion",
            description = "Needs an API key with the conversions:write scope. Give the click id the landing page "
                    + "received (smsclid) or the short code. Attributed to the contact's last human click within "
                    + "the link's attribution window, else stored unattributed. Reporting the same orderId and "
                    + "event again returns the first record (200); order ids are compared after Unicode NFKC, "
                    + "removal of format characters and lower-casing.")
    ResponseEntity<ConversionView> report(@RequestBody ConversionRequest request) {
        ConversionView view = this.conversions.record(request, Conversions.Source.SERVER);
        return ResponseEntity.status(view.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(view);
    }

}
