package org.smscampaign.link.redirect;

import java.nio.charset.StandardCharsets;

/**
 * The page for unknown and expired codes: small, branded, static, never echoing the
 * request.
 */
final class NotFoundPage {

    static final byte[] HTML = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex"><title>Link not found</title>
            <style>body{font-family:system-ui,sans-serif;margin:0;min-height:100vh;display:flex;align-items:center;
            justify-content:center;background:#e6f2f4;color:#1b2b30}main{background:#fff;padding:2.5rem;border-radius:.75rem;
            max-width:26rem;box-shadow:0 .25rem 1rem rgba(0,0,0,.08)}h1{font-size:1.4rem;margin-top:0;color:#0b5563}</style>
            </head><body><main><h1>This link does not exist</h1>
            <p>The link you followed is unknown or no longer valid. Please check the message you received.</p>
            </main></body></html>
            """
        .getBytes(StandardCharsets.UTF_8);

    static final byte[] DISABLED = new String(HTML, StandardCharsets.UTF_8)
        .replace("<title>Link not found</title>", "<title>Link disabled</title>")
        .replace("<h1>This link does not exist</h1>", "<h1>This link has been disabled</h1>")
        .replace("The link you followed is unknown or no longer valid.",
                "The sender disabled this link because its destination is no longer allowed.")
        .getBytes(StandardCharsets.UTF_8);

    static final byte[] ROBOTS = "User-agent: *\nDisallow: /\n".getBytes(StandardCharsets.UTF_8);

    private NotFoundPage() {
    }

}
