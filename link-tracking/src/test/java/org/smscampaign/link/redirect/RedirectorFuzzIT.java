package org.smscampaign.link.redirect;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import org.junit.jupiter.api.Test;
import org.smscampaign.LinkTrackingIT;
import org.smscampaign.link.RawHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The redirector's code parser under arbitrary request paths, on both of its listeners
 * (its own Netty listener and /r/ of the web server): every answer is a redirect, a 400,
 * a 404 page or a 429, never a server error, and all of them come quickly.
 */
@LinkTrackingIT
class RedirectorFuzzIT {

    static final Set<Integer> ANSWERS = Set.of(200, 301, 302, 307, 308, 400, 404, 429); // 200:
                                                                                        // robots.txt

    @LocalServerPort
    int port;

    @Autowired
    LinkServer server;

    @Test
    void arbitraryPathsGetAClearAnswerQuickly() {
        List<String> paths = Arbitraries.oneOf(Arbitraries.strings().withCharRange('!', '~').ofMaxLength(60),
                Arbitraries.strings().withChars("aZ09%./\\?&=#;:@+-_~").ofMaxLength(40),
                Arbitraries.of("/", "//", "/../../etc/passwd", "/%00", "/%ZZ", "/r/", "/r/%2e%2e/", "/robots.txt",
                        "/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                        "/Ab3xK9q?%%%", "/Ab3xK9q/extra"))
            .sampleStream()
            .limit(300)
            .map((path) -> path.startsWith("/") ? path : "/" + path)
            .toList();
        RawHttp.fromClient("203.0.113.77");
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (String path : paths) {
                int linkServer = RawHttp.request(this.server.port(), "GET", "go.fuzz.example", path, "fuzz").status();
                assertThat(linkServer).as("GET %s on the link listener", path).isIn(ANSWERS);
                String prefixed = path.startsWith("/r/") ? path : "/r" + path;
                int servlet = RawHttp.request(this.port, "GET", "localhost", prefixed, "fuzz").status();
                assertThat(servlet).as("GET %s on the web server", prefixed).isLessThan(500);
            }
        });
    }

}
