package org.smscampaign.link;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.smscampaign.LinkTrackingTestApplication;
import org.smscampaign.testsupport.TestDatabase;
import org.smscampaign.testsupport.TestDatabaseInitializer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Stopping the application with hits still in the buffer loses none of them. */
class GracefulShutdownIT {

    @Test
    void hitsInFlightAreWrittenBeforeTheApplicationStops() throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(LinkTrackingTestApplication.class)
            .initializers(new TestDatabaseInitializer())
            .properties("server.port=0",
                    "spring.flyway.locations=classpath:db/migration/platform-support,classpath:db/migration/link-tracking",
                    "sms.link.default-base-url=http://localhost/r/", "sms.link.buffer.flush-interval=30s",
                    "sms.link.buffer.batch-size=100000", "sms.link.misses.per-minute=100000",
                    "server.shutdown=graceful")
            .run();
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        ShortLinkView link = app.getBean(ShortLinks.class)
            .create(new PlainLinkRequest("https://shop.example/shutdown", null, null, null, null, null), "test");
        RawHttp.get(port, "/r/" + link.code(), "Mozilla/5.0 (warm-up)");
        Thread.sleep(200);

        AtomicInteger redirected = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 800; i++) {
            int n = i;
            clients.execute(() -> {
                RawHttp.fromClient("100.64." + (n / 250) + "." + (n % 250));
                if (RawHttp.get(port, "/r/" + link.code(), "Mozilla/5.0 (Android)").status() == 302) {
                    redirected.incrementAndGet();
                }
            });
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        app.close();

        try (Connection connection = TestDatabase.get().forSchema(TestDatabase.schemaFor(null)).open();
                Statement statement = connection.createStatement();
                ResultSet count = statement
                    .executeQuery("select count(*) from link_click where link_id = " + link.id())) {
            count.next();
            assertThat(redirected.get()).isEqualTo(800);
            assertThat(count.getLong(1)).as("warm-up hit plus every redirect").isEqualTo(801);
        }
    }

}
