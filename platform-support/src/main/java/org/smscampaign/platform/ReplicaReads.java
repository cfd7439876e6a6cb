package org.smscampaign.platform;

import java.util.function.Supplier;

/**
 * Read-only work that may run on the streaming replica ({@link ReplicaProperties}): the
 * queries made inside a scope, on this thread, read there while the replica is usable,
 * and on the primary otherwise or when none is configured. Only for work that writes
 * nothing (a write on the replica fails) and may read data up to the allowed lag old. A
 * transaction already open on the thread keeps its connection.
 */
public interface ReplicaReads {

    /** Opens a scope on this thread, until closed (scopes nest). */
    Scope open();

    default <T> T read(Supplier<T> work) {
        try (Scope scope = open()) {
            return work.get();
        }
    }

    default void run(Runnable work) {
        try (Scope scope = open()) {
            work.run();
        }
    }

    /** A scope of replica reads, closed on the thread that opened it. */
    interface Scope extends AutoCloseable {

        @Override
        void close();

    }

}
