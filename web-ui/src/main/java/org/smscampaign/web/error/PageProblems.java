package org.smscampaign.web.error;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.smscampaign.campaign.CampaignProblem;
import org.smscampaign.contact.ContactProblem;
import org.smscampaign.link.LinkProblem;
import org.smscampaign.messaging.OutsideCustomerWindow;
import org.smscampaign.money.MoneyProblem;
import org.smscampaign.segment.SegmentProblem;
import org.smscampaign.web.bulkhead.ReadsBusy;
import org.smscampaign.webhook.WebhookProblem;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The modules' problems on pages a controller did not handle itself: an unknown id is the
 * not-found page, a refused change the 4xx page with its status; never a 500. (The REST
 * API answers the same problems as problem documents, see ApiExceptionHandler.)
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblems {

    @ExceptionHandler(LinkProblem.class)
    ModelAndView link(LinkProblem ex) {
        return page(switch (ex.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNKNOWN_COUPON -> HttpStatus.UNPROCESSABLE_CONTENT;
        });
    }

    @ExceptionHandler(SegmentProblem.class)
    ModelAndView segment(SegmentProblem ex) {
        return page(switch (ex.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
        });
    }

    @ExceptionHandler(ContactProblem.class)
    ModelAndView contact(ContactProblem ex) {
        return page(switch (ex.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case DUPLICATE, CONFLICT -> HttpStatus.CONFLICT;
        });
    }

    @ExceptionHandler(CampaignProblem.class)
    ModelAndView campaign(CampaignProblem ex) {
        return page(switch (ex.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NO_AUDIENCE, GOAL_JUDGED, COUPON_POOL_TOO_SMALL, COUPON_PATTERN_TOO_WEAK ->
                HttpStatus.UNPROCESSABLE_CONTENT;
        });
    }

    @ExceptionHandler(OutsideCustomerWindow.class)
    ModelAndView outsideCustomerWindow(OutsideCustomerWindow ex) {
        return page(HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @ExceptionHandler(MoneyProblem.class)
    ModelAndView money(MoneyProblem ex) {
        return page((ex.kind() == MoneyProblem.Kind.NOT_FOUND) ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST);
    }

    @ExceptionHandler(WebhookProblem.class)
    ModelAndView webhook(WebhookProblem ex) {
        return page(switch (ex.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INVALID, URL_REFUSED -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
        });
    }

    /**
     * A heavy page while as many heavy reads run as allowed: the busy page, to try again.
     */
    @ExceptionHandler(ReadsBusy.class)
    ModelAndView readsBusy(ReadsBusy ex, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfter().toSeconds()));
        String query = request.getQueryString();
        String again = ("GET".equals(request.getMethod()) && !request.getRequestURI().startsWith("//"))
                ? request.getRequestURI() + ((query != null) ? "?" + query : "") : null;
        return new ModelAndView("error/busy",
                Map.of("status", 429, "seconds", ex.retryAfter().toSeconds(), "again", (again != null) ? again : "/"),
                HttpStatus.TOO_MANY_REQUESTS);
    }

    /** A form post that should have carried a file and did not. */
    @ExceptionHandler(MultipartException.class)
    ModelAndView notMultipart(MultipartException ex) {
        return page(HttpStatus.BAD_REQUEST);
    }

    private static ModelAndView page(HttpStatus status) {
        return new ModelAndView((status == HttpStatus.NOT_FOUND) ? "error/404" : "error/4xx",
                Map.of("status", status.value(), "reason", status.getReasonPhrase()), status);
    }

}
