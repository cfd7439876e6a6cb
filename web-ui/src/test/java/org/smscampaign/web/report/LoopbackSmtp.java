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

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
