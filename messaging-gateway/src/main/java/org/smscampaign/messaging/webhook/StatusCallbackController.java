package org.smscampaign.messaging.webhook;

import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.dispatch.StatusReports;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provider's status callbacks ({@code StatusCallback} carries our message id): a
 * forged or unsigned request gets 403 and changes nothing; statuses only move forward, so
 * duplicates and late arrivals are harmless; unknown messages get 200 (the provider would
 * retry otherwise) and are counted. A "read" receipt (WhatsApp, RCS) also counts as
 * delivered and stamps when it was read, once.
 */
@RestController
@Hidden
class StatusCallbackController {

    private static final Logger log = LoggerFactory.getLogger(StatusCallbackController.class);

    private final TwilioRequests requests;

    private final StatusReports reports;

    StatusCallbackController(TwilioRequests requests, StatusReports reports) {
        this.requests = requests;
        this.reports = reports;
    }

    @PostMapping("/webhooks/twilio/status/{messageId}")
    ResponseEntity<Void> status(@PathVariable String messageId, HttpServletRequest request) {
        Map<String, String> parameters = TwilioRequests.parameters(request);
        if (!this.requests.authentic(request, parameters)) {
            log.warn("Status callback refused: missing or wrong signature");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        long id;
        try {
            id = Long.parseLong(messageId);
        }
        catch (NumberFormatException ex) {
            this.reports.unknownMessage();
            return ResponseEntity.ok().build();
        }
        MessageStatus status = MessageStatus.ofTwilio(parameters.get("MessageStatus"));
        Integer errorCode = null;
        String code = parameters.get("ErrorCode");
        if (code != null && code.matches("\\d{1,9}")) {
            errorCode = Integer.valueOf(code);
        }
        String reported = parameters.get("MessageStatus");
        if ("read".equalsIgnoreCase(reported)) {
            this.reports.read(id, parameters.get("MessageSid"));
        }
        else {
            this.reports.report(id, status, parameters.get("MessageSid"), errorCode);
        }
        return ResponseEntity.ok().build();
    }

}
