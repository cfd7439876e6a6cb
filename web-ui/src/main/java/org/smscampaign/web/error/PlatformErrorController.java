package org.smscampaign.web.error;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Everything that ends at {@code /error}: browsers get an error page in the layout,
 * everything else a {@link ProblemDetail}. Never echoes the failed request or an
 * exception message.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class PlatformErrorController implements ErrorController {

    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = statusOf(request);
        response.setStatus(status.value());
        String view = switch (status) {
            case FORBIDDEN -> "error/403";
            case NOT_FOUND, METHOD_NOT_ALLOWED -> "error/404";
            default -> status.is5xxServerError() ? "error/5xx" : "error/4xx";
        };
        return new ModelAndView(view, Map.of("status", status.value(), "reason", status.getReasonPhrase()), status);
    }

    @RequestMapping
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        ProblemType type = ProblemType.forStatus(status);
        return ResponseEntity.status(status)
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(type.problem(type.description()));
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
        return (status != null) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
    }

}
