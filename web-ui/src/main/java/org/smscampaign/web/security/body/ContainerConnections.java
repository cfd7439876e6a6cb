package org.smscampaign.web.security.body;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Lets a filter end a request's connection once its response is written, without the
 * container reading the rest of the body first (it would otherwise drain what a slow
 * client still trickles, on a request thread). The servlet API has no such call; Tomcat
 * has it for aborted uploads, and this valve hands it to the request.
 */
final class ContainerConnections extends ValveBase {

    private static final String ATTRIBUTE = ContainerConnections.class.getName() + ".close";

    ContainerConnections() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        request.setAttribute(ATTRIBUTE,
                (Runnable) () -> request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null));
        getNext().invoke(request, response);
    }

    /** The connection closes after this response; the unread body is never read. */
    static void closeAfterResponse(ServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof Runnable close) {
            close.run();
        }
    }

}
