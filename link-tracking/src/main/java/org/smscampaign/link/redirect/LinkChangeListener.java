package org.smscampaign.link.redirect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.smscampaign.link.Brands;
import org.smscampaign.link.LinkChanges;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps every instance's link cache in step with edits: a changed link is announced with
 * PostgreSQL's {@code NOTIFY} in the transaction that changes it, and each instance
 * listening here forgets that code at once ({@link LinkChanges}). A change of a brand
 * touches every link: brands and links are read again. While the listening connection is
 * lost (a database restart), changes may be missed: on reconnecting everything is read
 * again, in the background, old entries answering meanwhile.
 */
@Component
class LinkChangeListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LinkChangeListener.class);

    private static final int WAIT_MILLIS = 1000;

    private final DataSource dataSource;

    private final LinkCache cache;

    private final Brands brands;

    private volatile boolean running;

    private Thread thread;

    LinkChangeListener(DataSource dataSource, LinkCache cache, Brands brands) {
        this.dataSource = dataSource;
        this.cache = cache;
        this.brands = brands;
    }

    @Override
    public void start() {
        this.running = true;
        this.thread = new Thread(this::listen, "link-change-listener");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public void stop() {
        this.running = false;
        if (this.thread != null) {
            this.thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    private void listen() {
        boolean firstConnection = true;
        while (this.running) {
            // One pooled connection, held while listening: notifications come to a
            // session.
            try (Connection connection = this.dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + LinkChanges.CHANNEL);
                }
                if (!firstConnection) {
                    everythingChanged();
                }
                firstConnection = false;
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (this.running) {
                    PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            changed(notification.getParameter());
                        }
                    }
                }
            }
            catch (SQLException ex) {
                if (this.running) {
                    log.warn("Not listening for link changes, trying again in a second: {}", ex.getMessage());
                    pause();
                }
            }
        }
    }

    private void changed(String code) {
        if (LinkChanges.ALL.equals(code)) {
            everythingChanged();
        }
        else {
            this.cache.forget(code);
        }
    }

    private void everythingChanged() {
        this.brands.refresh();
        this.cache.refreshAll();
    }

    private void pause() {
        try {
            Thread.sleep(WAIT_MILLIS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            this.running = false;
        }
    }

}
