package org.smscampaign.web.user;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.smscampaign.web.security.Role;

/** A person who signs in to the platform, with one role and a hashed password. */
@Entity
@Table(name = "platform_user")
class PlatformUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    private boolean enabled;

    private Instant createdAt;

    private Instant lastLoginAt;

    private String email;

    protected PlatformUser() {
    }

    PlatformUser(String username, String passwordHash, Role role, Instant now) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.enabled = true;
        this.createdAt = now;
    }

    void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    void assignRole(Role role) {
        this.role = role;
    }

    void enable() {
        this.enabled = true;
    }

    void disable() {
        this.enabled = false;
    }

    void changeEmail(String email) {
        this.email = email;
    }

    String email() {
        return this.email;
    }

    void recordLogin(Instant now) {
        this.lastLoginAt = now;
    }

    boolean isActiveAdmin() {
        return this.enabled && this.role == Role.ADMIN;
    }

    Long id() {
        return this.id;
    }

    String username() {
        return this.username;
    }

    String passwordHash() {
        return this.passwordHash;
    }

    Role role() {
        return this.role;
    }

    boolean enabled() {
        return this.enabled;
    }

    UserView view() {
        return new UserView(this.id, this.username, this.role, this.enabled, this.createdAt, this.lastLoginAt,
                this.email);
    }

}
