package org.smscampaign.platform.replica;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How far behind the replica is, in time, from positions in the write-ahead log: at each
 * check the primary's position is noted with the moment it was read; once the replica has
 * replayed up to a noted position it holds every commit made before that moment. The lag
 * is the time since the newest such moment, so it grows by itself while checks fail or
 * hang, and an idle primary whose last position was replayed has none. No clock of the
 * replica is involved.
 */
final class ReplicaLag {

    /** Positions kept while the replica is behind (a day of checks each second). */
    static final int MAX_PENDING = 86_400;

    private final Deque<Position> pending = new ArrayDeque<>();

    private Instant currentAsOf;

    private boolean down = true;

    /** The primary was at {@code lsn} when read at {@code at}. */
    synchronized void primaryAt(Instant at, long lsn) {
        if (this.pending.size() == MAX_PENDING) {
            this.pending.removeFirst();
        }
        this.pending.addLast(new Position(at, lsn));
    }

    /** The replica has replayed up to {@code lsn}. */
    synchronized void replayed(long lsn) {
        while (!this.pending.isEmpty() && Long.compareUnsigned(this.pending.peekFirst().lsn(), lsn) <= 0) {
            Instant at = this.pending.removeFirst().at();
            if (this.currentAsOf == null || at.isAfter(this.currentAsOf)) {
                this.currentAsOf = at;
            }
        }
        this.down = false;
    }

    /** The replica holds everything committed before {@code at} (it is no standby). */
    synchronized void current(Instant at) {
        this.pending.clear();
        this.currentAsOf = at;
        this.down = false;
    }

    /** The replica could not be reached: no read goes there until a check succeeds. */
    synchronized void down() {
        this.down = true;
    }

    synchronized boolean isDown() {
        return this.down;
    }

    /** Null until the replica was first seen current enough. */
    synchronized Duration at(Instant now) {
        if (this.currentAsOf == null) {
            return null;
        }
        Duration lag = Duration.between(this.currentAsOf, now);
        return lag.isNegative() ? Duration.ZERO : lag;
    }

    synchronized boolean usable(Instant now, Duration maxLag) {
        Duration lag = at(now);
        return !this.down && lag != null && lag.compareTo(maxLag) <= 0;
    }

    /** A position of the write-ahead log as {@code pg_lsn} text ("16/B374D848"). */
    static long parse(String lsn) {
        int slash = lsn.indexOf('/');
        return (Long.parseLong(lsn.substring(0, slash), 16) << 32) | Long.parseLong(lsn.substring(slash + 1), 16);
    }

    private record Position(Instant at, long lsn) {
    }

}
