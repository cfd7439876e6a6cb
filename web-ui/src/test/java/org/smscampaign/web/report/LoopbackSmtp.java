package org.smscampaign.web.report;

import java.io.IOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server on loopback (GreenMail) for the tests that read the e-mails the
 * platform sends, on a free port of their own, and the settings that point the platform
 * at it.
 */
final class LoopbackSmtp {

    private LoopbackSmtp() {
    }

    /** A server kept for all of a test class's methods. */
    static GreenMailExtension server(int port) {
        return new GreenMailExtension(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);
    }

    /** Sends the platform's reports through the server to the given recipients. */
    static void register(DynamicPropertyRegistry registry, int port, String recipients) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> port);
        registry.add("sms.report.recipients", () -> recipients);
    }

    /** The HTML body of an e-mail, however its parts nest (the PDF rides beside it). */
    static String html(jakarta.mail.Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String html = html(multipart.getBodyPart(i));
                if (html != null) {
                    return html;
                }
            }
            return null;
        }
        return part.isMimeType("text/html") ? (String) content : null;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
