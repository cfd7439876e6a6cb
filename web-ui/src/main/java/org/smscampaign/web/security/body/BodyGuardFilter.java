package org.smscampaign.web.security.body;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.web.error.ProblemType;
import org.smscampaign.web.security.ProblemResponses;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads every request body before anything else sees it, within a size limit, a deadline
 * and a minimum rate, and a bound on the bodies one client address sends at once. A
 * request thread blocked on a body is the one resource a slow client can take from
 * everybody: here it is held for the deadline at most (each read waits the connector's
 * connection timeout at most), and refused bodies are never drained.
 */
final class BodyGuardFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BodyGuardFilter.class);

    private final BodyGuardProperties settings;

    private final long publicLimit;

    private final long multipartLimit;

    private final ClientSlots slots;

    BodyGuardFilter(BodyGuardProperties settings, long publicLimit, long multipartLimit) {
        this.settings = settings;
        this.publicLimit = publicLimit;
        this.multipartLimit = multipartLimit;
        this.slots = new ClientSlots(settings.perClient());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() <= 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
            chain.doFilter(request, response);
            return;
        }
        boolean multipart = isMultipart(request);
        long limit = isPublic(request) ? this.publicLimit
                : multipart ? this.multipartLimit : this.settings.limit().toBytes();
        if (request.getContentLengthLong() > limit) {
            refuse(request, response, tooLarge(limit));
            return;
        }
        String client = request.getRemoteAddr();
        if (!this.slots.tryAcquire(client)) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            refuse(request, response, ProblemType.TOO_MANY_REQUESTS
                .problem("Too many request bodies from your address at once; retry later."));
            return;
        }
        if (multipart && !isPublic(request)) {
            // Uploads are parsed by the container as they stream; each read still waits
            // the connection timeout at most.
            try {
                chain.doFilter(request, response);
            }
            finally {
                this.slots.release(client);
            }
            return;
        }
        byte[] body;
        try {
            body = read(request, limit);
        }
        catch (Refused ex) {
            refuse(request, response, ex.problem);
            return;
        }
        catch (IOException ex) {
            // The connector's read timeout, or the client went away.
            log.debug("Request body not received: {}", ex.toString());
            refuse(request, response, ProblemType.REQUEST_TIMEOUT.problem("The request body did not arrive in time."));
            return;
        }
        finally {
            this.slots.release(client);
        }
        chain.doFilter(new BufferedRequest(request, body), response);
    }

    private byte[] read(HttpServletRequest request, long limit) throws IOException, Refused {
        long started = System.nanoTime();
        long deadline = this.settings.deadline().toNanos();
        long grace = this.settings.grace().toNanos();
        double minRatePerNano = this.settings.minRate().toBytes() / 1e9;
        long declared = request.getContentLengthLong();
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min((declared > 0) ? declared : 8192, limit));
        byte[] chunk = new byte[8192];
        InputStream in = request.getInputStream();
        int read;
        while ((read = in.read(chunk)) != -1) {
            if (body.size() + (long) read > limit) {
                throw new Refused(tooLarge(limit));
            }
            body.write(chunk, 0, read);
            long elapsed = System.nanoTime() - started;
            if (elapsed > deadline) {
                throw new Refused(ProblemType.REQUEST_TIMEOUT
                    .problem("The request body did not arrive within " + this.settings.deadline().toSeconds() + " s."));
            }
            if (elapsed > grace && body.size() < minRatePerNano * (elapsed - grace)) {
                throw new Refused(ProblemType.REQUEST_TIMEOUT.problem("The request body arrives too slowly (under "
                        + this.settings.minRate().toBytes() + " bytes/s)."));
            }
        }
        return body.toByteArray();
    }

    /** Writes the problem and closes the connection without reading the rest. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (response.isCommitted()) {
            ContainerConnections.closeAfterResponse(request);
            return;
        }
        response.setHeader(HttpHeaders.CONNECTION, "close");
        ContainerConnections.closeAfterResponse(request);
        ProblemResponses.write(response, problem);
        response.flushBuffer();
    }

    private static ProblemDetail tooLarge(long limit) {
        return ProblemType.PAYLOAD_TOO_LARGE.problem("The request body exceeds " + limit + " bytes.");
    }

    private static boolean isPublic(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/webhooks/") || path.startsWith("/t/") || path.equals("/api/v1/conversions");
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, MediaType.MULTIPART_FORM_DATA_VALUE, 0,
                MediaType.MULTIPART_FORM_DATA_VALUE.length());
    }

    /** A body refused while it was read. */
    private static final class Refused extends Exception {

        private final transient ProblemDetail problem;

        Refused(ProblemDetail problem) {
            super(problem.getDetail(), null, false, false);
            this.problem = problem;
        }

    }

}
