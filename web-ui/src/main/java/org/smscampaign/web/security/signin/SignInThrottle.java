package org.smscampaign.web.security.signin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts sign-in attempts per account name and per client address in PostgreSQL, so every
 * instance sees the same counts. An attempt is counted before its password is checked
 * (concurrent guesses cannot slip past the count) and forgiven when it signs in. Refused
 * attempts count too: hammering a delayed account only brings its lock closer.
 */
@Service
public class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final JdbcClient jdbc;

    private final SignInProperties properties;

    private final Clock clock;

    SignInThrottle(JdbcClient jdbc, SignInProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Counts an attempt on the account and the address; empty when its password may be
     * checked, otherwise until when the attempt is refused.
     */
    @Transactional
    public Optional<Instant> admit(String username, String remoteAddress) {
        Instant now = this.clock.instant();
        Optional<Instant> account = count(SignInSubject.account(username), now);
        Optional<Instant> address = count(SignInSubject.address(remoteAddress), now);
        return account.isPresent() ? account : address;
    }

    /**
     * Forgives the attempt that signed in: the account starts over, the address gets one
     * back.
     */
    @Transactional
    public void succeeded(String username, String remoteAddress) {
        SignInSubject account = SignInSubject.account(username);
        this.jdbc.sql("delete from sign_in_throttle where kind = :kind and subject = :subject")
            .param("kind", account.kind().name())
            .param("subject", account.subject())
            .update();
        SignInSubject address = SignInSubject.address(remoteAddress);
        this.jdbc.sql("""
                update sign_in_throttle set failures = greatest(failures - 1, 0),
                    not_before = case when failures - 1 < :free then null else not_before end
                where kind = :kind and subject = :subject""")
            .param("free", this.properties.addressFreeFailures())
            .param("kind", address.kind().name())
            .param("subject", address.subject())
            .update();
    }

    /** Accounts and addresses with failures lately, locked ones first. */
    @Transactional(readOnly = true)
    public List<SignInFailures> recentFailures() {
        Instant now = this.clock.instant();
        return this.jdbc.sql("""
                select kind, subject, failures, last_attempt_at, locked_until from sign_in_throttle
                where failures > 0 and (last_attempt_at > :since or locked_until > :now)
                order by (locked_until > :now) is true desc, last_attempt_at desc
                limit 200""")
            .param("since", Timestamp.from(now.minus(this.properties.forgetAfter())))
            .param("now", Timestamp.from(now))
            .query((rs, row) -> {
                Timestamp lockedUntil = rs.getTimestamp("locked_until");
                Instant until = (lockedUntil != null && lockedUntil.toInstant().isAfter(now)) ? lockedUntil.toInstant()
                        : null;
                return new SignInFailures(
                        new SignInSubject(SignInSubject.Kind.valueOf(rs.getString("kind")), rs.getString("subject")),
                        rs.getInt("failures"), rs.getTimestamp("last_attempt_at").toInstant(), until);
            })
            .list();
    }

    /** Lifts a lock and forgets the failures of an account or address. */
    @Transactional
    public boolean unlock(SignInSubject subject, String unlockedBy) {
        int removed = this.jdbc.sql("delete from sign_in_throttle where kind = :kind and subject = :subject")
            .param("kind", subject.kind().name())
            .param("subject", subject.subject())
            .update();
        if (removed > 0) {
            log.info("Sign-in failures of {} '{}' cleared by {}", subject.kind(), subject.subject(), unlockedBy);
        }
        return removed > 0;
    }

    /** Forgets counts nobody has added to for a while, unless still locked. */
    @Scheduled(fixedDelay = 10, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    @Transactional
    public void purge() {
        Instant now = this.clock.instant();
        this.jdbc
            .sql("delete from sign_in_throttle where last_attempt_at < :before and "
                    + "(locked_until is null or locked_until < :now)")
            .param("before", Timestamp.from(now.minus(this.properties.forgetAfter())))
            .param("now", Timestamp.from(now))
            .update();
    }

    private Optional<Instant> count(SignInSubject subject, Instant now) {
        Timestamp at = Timestamp.from(now);
        // The row stays locked until commit: concurrent attempts are counted one after
        // the other.
        Counted counted = this.jdbc.sql("""
                insert into sign_in_throttle as t (kind, subject, failures, last_attempt_at)
                values (:kind, :subject, 1, :now)
                on conflict (kind, subject) do update set
                    failures = case when t.last_attempt_at < :forgetBefore
                        and (t.locked_until is null or t.locked_until <= :now) then 1 else t.failures + 1 end,
                    last_attempt_at = :now
                returning failures, not_before, locked_until""")
            .param("kind", subject.kind().name())
            .param("subject", subject.subject())
            .param("now", at)
            .param("forgetBefore", Timestamp.from(now.minus(this.properties.forgetAfter())))
            .query((rs, row) -> new Counted(rs.getInt("failures"), instant(rs.getTimestamp("not_before")),
                    instant(rs.getTimestamp("locked_until"))))
            .single();
        SignInSubject.Kind kind = subject.kind();
        if (counted.lockedUntil() != null && counted.lockedUntil().isAfter(now)) {
            return Optional.of(counted.lockedUntil());
        }
        boolean waiting = counted.notBefore() != null && counted.notBefore().isAfter(now);
        if (counted.failures() >= this.properties.lockAfter(kind)) {
            Instant until = now.plus(this.properties.lockDuration());
            update(subject, "locked_until", until);
            log.warn("Sign-in locked for {} '{}' until {} after {} failures", kind, subject.subject(), until,
                    counted.failures());
            // An attempt in time was counted before the lock: its password is still
            // checked.
            return waiting ? Optional.of(until) : Optional.empty();
        }
        if (waiting) {
            return Optional.of(counted.notBefore());
        }
        Duration delay = this.properties.delayAfter(kind, counted.failures());
        if (!delay.isZero()) {
            update(subject, "not_before", now.plus(delay));
        }
        return Optional.empty();
    }

    private void update(SignInSubject subject, String column, Instant value) {
        this.jdbc.sql("update sign_in_throttle set " + column + " = :value where kind = :kind and subject = :subject")
            .param("value", Timestamp.from(value))
            .param("kind", subject.kind().name())
            .param("subject", subject.subject())
            .update();
    }

    private static Instant instant(Timestamp timestamp) {
        return (timestamp != null) ? timestamp.toInstant() : null;
    }

    private record Counted(int failures, Instant notBefore, Instant lockedUntil) {

    }

}
