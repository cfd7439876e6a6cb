package org.smscampaign.platform.replica;

import org.smscampaign.platform.ReplicaReads;

/** The scopes of replica reads, one depth per thread. */
final class ReadScope implements ReplicaReads {

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    static boolean active() {
        return DEPTH.get()[0] > 0;
    }

    @Override
    public Scope open() {
        int[] depth = DEPTH.get();
        depth[0]++;
        return new Scope() {

            private boolean closed;

            @Override
            public void close() {
                if (!this.closed) {
                    this.closed = true;
                    if (--depth[0] == 0) {
                        DEPTH.remove();
                    }
                }
            }

        };
    }

}
