package org.smscampaign.web.error;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.alert.AlertProblem;
import org.smscampaign.campaign.CampaignProblem;
import org.smscampaign.campaign.LinkAddressProblem;
import org.smscampaign.contact.ContactProblem;
import org.smscampaign.link.LinkProblem;
import org.smscampaign.messaging.OutsideCustomerWindow;
import org.smscampaign.money.MoneyProblem;
import org.smscampaign.segment.SegmentProblem;
import org.smscampaign.web.bulkhead.ReadsBusy;
import org.smscampaign.webhook.WebhookProblem;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every exception of a REST controller into a {@link ProblemDetail} with a stable
 * {@link ProblemType}. Page controllers are left to the error pages.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private static final Pattern FIELD_FIRST = Pattern.compile("([A-Za-z][\\w.\\[\\] ]{0,40}?): (.+)", Pattern.DOTALL);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemType.VALIDATION_FAILED.problem("The request has invalid fields.");
        List<Map<String, Object>> errors = ex.getBindingResult()
            .getFieldErrors()
            .stream()
            .map((error) -> Map.<String, Object>of("field", error.getField(), "message",
                    String.valueOf(error.getDefaultMessage())))
            .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    /**
     * A body that is not JSON, or whose field has the wrong type: which field and why.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().headers(headers).body(UnreadableBody.problem(ex));
    }

    /** A required query parameter left out: its name. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemType.VALIDATION_FAILED
            .problem("Parameter " + ex.getParameterName() + " is required (" + ex.getParameterType() + ").");
        problem.setProperty("errors", List.of(Map.of("field", ex.getParameterName(), "message", "is required")));
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    /** A path or query parameter of the wrong type: its name, value and type. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
                : ex.getPropertyName();
        String reason = (ex.getRequiredType() != null) ? UnreadableBody.mustBe(ex.getRequiredType())
                : "has another type";
        ProblemDetail problem = ProblemType.VALIDATION_FAILED
            .problem("Parameter " + name + ": " + reason + ", not '" + ex.getValue() + "'.");
        problem.setProperty("errors", List
            .of(Map.of("field", String.valueOf(name), "value", String.valueOf(ex.getValue()), "message", reason)));
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = (body instanceof ProblemDetail given) ? given
                : (ex instanceof ErrorResponse response) ? response.getBody() : null;
        if (problem != null && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(ProblemType.forStatus(statusCode).uri());
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    @ExceptionHandler(ContactProblem.class)
    ProblemDetail contactProblem(ContactProblem ex) {
        ProblemDetail problem = switch (ex.kind()) {
            case NOT_FOUND -> ProblemType.NOT_FOUND.problem(ex.getMessage());
            case INVALID -> ProblemType.VALIDATION_FAILED.problem(ex.getMessage());
            case DUPLICATE, CONFLICT -> ProblemType.CONFLICT.problem(ex.getMessage());
        };
        if (!ex.fieldProblems().isEmpty()) {
            problem.setProperty("errors",
                    ex.fieldProblems()
                        .stream()
                        .map((field) -> Map.of("field", field.field(), "value", String.valueOf(field.value()),
                                "message", field.reason()))
                        .toList());
        }
        if (ex.existingId() != null) {
            problem.setProperty("existingId", ex.existingId());
        }
        return problem;
    }

    @ExceptionHandler(LinkProblem.class)
    ProblemDetail linkProblem(LinkProblem ex) {
        return switch (ex.kind()) {
            case NOT_FOUND -> ProblemType.NOT_FOUND.problem(ex.getMessage());
            case INVALID -> ProblemType.VALIDATION_FAILED.problem(ex.getMessage());
            case CONFLICT -> ProblemType.CONFLICT.problem(ex.getMessage());
            case UNKNOWN_COUPON -> ProblemType.UNKNOWN_COUPON.problem(ex.getMessage());
        };
    }

    @ExceptionHandler(SegmentProblem.class)
    ProblemDetail segmentProblem(SegmentProblem ex) {
        return switch (ex.kind()) {
            case NOT_FOUND -> ProblemType.NOT_FOUND.problem(ex.getMessage());
            case INVALID -> ProblemType.VALIDATION_FAILED.problem(ex.getMessage());
            case CONFLICT -> ProblemType.CONFLICT.problem(ex.getMessage());
        };
    }

    @ExceptionHandler(ReadsBusy.class)
    ResponseEntity<ProblemDetail> readsBusy(ReadsBusy ex) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
            .header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfter().toSeconds()))
            .body(ProblemType.BUSY.problem(ex.getMessage()));
    }

    @ExceptionHandler(OutsideCustomerWindow.class)
    ProblemDetail outsideCustomerWindow(OutsideCustomerWindow ex) {
        return ProblemType.OUTSIDE_CUSTOMER_WINDOW.problem(ex.getMessage());
    }

    @ExceptionHandler(org.smscampaign.messaging.TemplatesUnavailable.class)
    ProblemDetail templatesUnavailable(org.smscampaign.messaging.TemplatesUnavailable ex) {
        return ProblemType.SERVICE_UNAVAILABLE.problem(ex.getMessage());
    }

    @ExceptionHandler(LinkAddressProblem.class)
    ProblemDetail linkAddress(LinkAddressProblem ex) {
        return ProblemType.LINK_ADDRESS_NOT_REACHABLE.problem(ex.getMessage());
    }

    @ExceptionHandler(org.smscampaign.campaign.KeywordTaken.class)
    ProblemDetail keywordTaken(org.smscampaign.campaign.KeywordTaken ex) {
        ProblemDetail problem = ProblemType.KEYWORD_TAKEN
            .problem(ex.getMessage().replaceFirst("^reply keywords: ", ""));
        problem.setProperty("keyword", ex.keyword());
        problem.setProperty("campaignId", ex.holderId());
        problem.setProperty("campaignName", ex.holderName());
        problem.setProperty("activeUntil", ex.activeUntil());
        return problem;
    }

    @ExceptionHandler(CampaignProblem.class)
    ProblemDetail campaign(CampaignProblem ex) {
        return switch (ex.kind()) {
            case NOT_FOUND -> ProblemType.NOT_FOUND.problem(ex.getMessage());
            case INVALID -> withField(ProblemType.VALIDATION_FAILED.problem(ex.getMessage()));
            case CONFLICT -> ProblemType.CONFLICT.problem(ex.getMessage());
            case NO_AUDIENCE -> ProblemType.NO_AUDIENCE.problem(ex.getMessage());
            case GOAL_JUDGED -> ProblemType.GOAL_JUDGED.problem(ex.getMessage());
            case COUPON_POOL_TOO_SMALL -> ProblemType.COUPON_POOL_TOO_SMALL.problem(ex.getMessage());
            case COUPON_PATTERN_TOO_WEAK -> ProblemType.COUPON_PATTERN_TOO_WEAK.problem(ex.getMessage());
        };
    }

    /** "variants: the splits add up to 90%": the field before the colon, named. */
    private static ProblemDetail withField(ProblemDetail problem) {
        Matcher named = FIELD_FIRST.matcher(String.valueOf(problem.getDetail()));
        if (named.matches()) {
            problem.setProperty("errors", List.of(Map.of("field", named.group(1), "message", named.group(2))));
        }
        return problem;
    }

    @ExceptionHandler(MoneyProblem.class)
    ProblemDetail money(MoneyProblem ex) {
        return switch (ex.kind()) {
            case NOT_FOUND -> ProblemType.NOT_FOUND.problem(ex.getMessage());
            case INVALID -> ProblemType.VALIDATION_FAILED.problem(ex.getMessage());
        };
    }

    @ExceptionHandler(WebhookProblem.class)
    ProblemDetail webhook(WebhookProblem ex) {
        ProblemDetail problem = switch (ex.kind()) {
            case NOT_FOUND -> ProblemType.NOT_FOUND.problem(ex.getMessage());
            case URL_REFUSED -> ProblemType.WEBHOOK_URL_REFUSED.problem(ex.getMessage());
            case INVALID -> ProblemType.VALIDATION_FAILED.problem(ex.getMessage());
            case CONFLICT -> ProblemType.CONFLICT.problem(ex.getMessage());
        };
        if (ex.field() != null) {
            problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
        }
        return problem;
    }

    @ExceptionHandler(AlertProblem.class)
    ProblemDetail alert(AlertProblem ex) {
        return ProblemType.VALIDATION_FAILED.problem(ex.getMessage());
    }

    @ExceptionHandler(org.smscampaign.campaign.AnswerRefused.class)
    ProblemDetail answerRefused(org.smscampaign.campaign.AnswerRefused ex) {
        return switch (ex.reason()) {
            case OPTED_OUT -> ProblemType.NUMBER_OPTED_OUT.problem(ex.getMessage());
            case NO_CONVERSATION -> ProblemType.NOT_FOUND.problem(ex.getMessage());
        };
    }

    @ExceptionHandler(java.util.NoSuchElementException.class)
    ProblemDetail noSuchElement(java.util.NoSuchElementException ex) {
        return ProblemType.NOT_FOUND.problem(ex.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badArgument(IllegalArgumentException ex) {
        return ProblemType.BAD_REQUEST.problem(ex.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException ex) {
        return ProblemType.FORBIDDEN.problem(ProblemType.FORBIDDEN.description());
    }

    @ExceptionHandler(AuthenticationException.class)
    ProblemDetail unauthenticated(AuthenticationException ex) {
        return ProblemType.UNAUTHORIZED.problem(ProblemType.UNAUTHORIZED.description());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception ex) {
        log.error("Unexpected error in API request", ex);
        return ProblemType.INTERNAL_ERROR.problem(ProblemType.INTERNAL_ERROR.description());
    }

}
