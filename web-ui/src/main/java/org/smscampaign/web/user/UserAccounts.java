package org.smscampaign.web.user;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.web.security.Role;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform's users: sign-in lookups for Spring Security and the admin's user
 * management. At least one enabled admin always remains.
 */
@Service
public class UserAccounts implements UserDetailsService, UserDetailsPasswordService {

    /** Lower-case letters, digits, dot, dash, underscore; 3 to 64 characters. */
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;

    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern
        .compile("[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+");

    private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);

    private final PlatformUserRepository users;

    private final PasswordEncoder passwordEncoder;

    private final PasswordPolicy passwords;

    private final Clock clock;

    UserAccounts(PlatformUserRepository users, PasswordEncoder passwordEncoder, PasswordPolicy passwords, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        PlatformUser user = this.users.findByUsername(normalize(username))
            .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return User.withUsername(user.username())
            .password(user.passwordHash())
            .roles(user.role().name())
            .disabled(!user.enabled())
            .build();
    }

    /** Re-hashes a password whose stored hash uses an outdated encoding, at sign-in. */
    @Override
    @Transactional
    public UserDetails updatePassword(UserDetails details, String newPasswordHash) {
        this.users.findByUsername(details.getUsername()).ifPresent((user) -> user.changePassword(newPasswordHash));
        return User.withUserDetails(details).password(newPasswordHash).build();
    }

    @Transactional(readOnly = true)
    public List<UserView> list() {
        return this.users.findAllByOrderByUsername().stream().map(PlatformUser::view).toList();
    }

    @Transactional(readOnly = true)
    public Optional<UserView> find(String username) {
        return this.users.findByUsername(normalize(username)).map(PlatformUser::view);
    }

    @Transactional(readOnly = true)
    public boolean hasActiveAdmin() {
        return this.users.countByRoleAndEnabledTrue(Role.ADMIN) > 0;
    }

    @Transactional
    public UserView create(String username, Role role, String password) {
        String name = normalize(username);
        if (!USERNAME.matcher(name).matches()) {
            throw new AccountRuleViolation(
                    "A username has 3 to 64 lower-case letters, digits, dots, dashes or underscores.");
        }
        if (this.users.findByUsername(name).isPresent()) {
            throw new AccountRuleViolation("The username " + name + " is taken.");
        }
        this.passwords.check(name, password);
        PlatformUser user = this.users
            .save(new PlatformUser(name, this.passwordEncoder.encode(password), role, this.clock.instant()));
        log.info("User {} created with role {}", name, role);
        return user.view();
    }

    /**
     * Creates the user or, if it exists, gives it this role and password and enables it.
     */
    @Transactional
    public UserView createOrReset(String username, Role role, String password) {
        Optional<PlatformUser> existing = this.users.findByUsername(normalize(username));
        if (existing.isEmpty()) {
            return create(username, role, password);
        }
        PlatformUser user = existing.get();
        this.passwords.check(user.username(), password);
        user.assignRole(role);
        user.enable();
        user.changePassword(this.passwordEncoder.encode(password));
        return user.view();
    }

    @Transactional
    public void changeRole(long id, Role role) {
        PlatformUser user = get(id);
        if (user.isActiveAdmin() && role != Role.ADMIN) {
            requireAnotherAdmin();
        }
        user.assignRole(role);
        log.info("User {} now has role {}", user.username(), role);
    }

    @Transactional
    public void setEnabled(long id, boolean enabled, String actingUsername) {
        PlatformUser user = get(id);
        if (enabled) {
            user.enable();
            return;
        }
        if (user.username().equals(normalize(actingUsername))) {
            throw new AccountRuleViolation("You cannot disable your own account.");
        }
        if (user.isActiveAdmin()) {
            requireAnotherAdmin();
        }
        user.disable();
        log.info("User {} disabled", user.username());
    }

    @Transactional
    public void resetPassword(long id, String password) {
        PlatformUser user = get(id);
        this.passwords.check(user.username(), password);
        user.changePassword(this.passwordEncoder.encode(password));
        log.info("Password of user {} reset", user.username());
    }

    /** Sets (or, blank, removes) the address alerts about the user's campaigns go to. */
    @Transactional
    public void changeEmail(long id, String email) {
        PlatformUser user = get(id);
        String address = (email != null) ? email.strip() : "";
        if (address.isEmpty()) {
            user.changeEmail(null);
            return;
        }
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            throw new AccountRuleViolation("\u201c" + address + "\u201d is not an e-mail address.");
        }
        user.changeEmail(address);
        log.info("E-mail address of user {} changed", user.username());
    }

    /** The e-mail address of a user, if one is set. */
    @Transactional(readOnly = true)
    public Optional<String> emailOf(String username) {
        return (username == null) ? Optional.empty()
                : this.users.findByUsername(normalize(username)).map(PlatformUser::email);
    }

    @Transactional
    public void recordLogin(String username) {
        this.users.findByUsername(normalize(username)).ifPresent((user) -> user.recordLogin(this.clock.instant()));
    }

    private PlatformUser get(long id) {
        return this.users.findById(id).orElseThrow(() -> new AccountRuleViolation("No such user."));
    }

    private void requireAnotherAdmin() {
        if (this.users.countByRoleAndEnabledTrue(Role.ADMIN) <= 1) {
            throw new AccountRuleViolation("The platform needs at least one enabled admin.");
        }
    }

    private static String normalize(String username) {
        return (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
    }

}
