package org.smscampaign.messaging.webhook;

import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.messaging.reply.InboundMessages;

import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Texts recipients send to our numbers (Twilio's inbound webhook), answered with TwiML:
 * the help text for a help request, nothing otherwise (the opt-out confirmation is the
 * carrier's or Twilio's).
 */
@RestController
@Hidden
class InboundController {

    private static final Logger log = LoggerFactory.getLogger(InboundController.class);

    private static final MediaType TWIML = MediaType.parseMediaType("application/xml;charset=UTF-8");

    private final TwilioRequests requests;

    private final InboundMessages inbound;

    private static final int ATTEMPTS = 3;

    InboundController(TwilioRequests requests, InboundMessages inbound) {
        this.requests = requests;
        this.inbound = inbound;
    }

    /**
     * A text, its suppression and the contact's consent commit together (one
     * transaction); one that meets another writer of the same rows (a deadlock with an
     * import's batch) is tried again at once: the provider does not retry, and a STOP
     * must not be lost.
     */
    private Optional<String> receive(String sid, String from, String to, String body, String optOutType) {
        for (int attempt = 1;; attempt++) {
            try {
                return this.inbound.receive(sid, from, to, body, optOutType);
            }
            catch (TransientDataAccessException ex) {
                if (attempt == ATTEMPTS) {
                    throw ex;
                }
                log.warn("Inbound message met another writer ({}); trying again", ex.getClass().getSimpleName());
            }
        }
    }

    @PostMapping("/webhooks/twilio/inbound")
    ResponseEntity<String> receive(HttpServletRequest request) {
        Map<String, String> parameters = TwilioRequests.parameters(request);
        if (!this.requests.authentic(request, parameters)) {
            log.warn("Inbound message refused: missing or wrong signature");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        String from = parameters.get("From");
        if (from == null || from.isBlank()) {
            return ResponseEntity.badRequest().build();
        }
        Optional<String> answer = receive(parameters.get("MessageSid"), from.strip(), parameters.get("To"),
                parameters.getOrDefault("Body", ""), parameters.get("OptOutType"));
        String twiml = answer
            .map((text) -> "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>" + HtmlUtils.htmlEscape(text)
                    + "</Message></Response>")
            .orElse("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
        return ResponseEntity.ok().contentType(TWIML).body(twiml);
    }

}
