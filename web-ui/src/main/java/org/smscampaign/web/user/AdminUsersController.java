package org.smscampaign.web.user;

import java.security.Principal;
import java.util.List;

import jakarta.validation.Valid;
import org.smscampaign.web.security.Role;
import org.smscampaign.web.security.signin.SignInFailures;
import org.smscampaign.web.security.signin.SignInProperties;
import org.smscampaign.web.security.signin.SignInSubject;
import org.smscampaign.web.security.signin.SignInThrottle;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin › Users: create users, change roles, disable, reset passwords. */
@Controller
@RequestMapping("/admin/users")
class AdminUsersController {

    private static final String VIEW = "admin/users";

    private static final String REDIRECT = "redirect:/admin/users";

    private final UserAccounts accounts;

    private final SignInThrottle signIns;

    private final SignInProperties signInRules;

    AdminUsersController(UserAccounts accounts, SignInThrottle signIns, SignInProperties signInRules) {
        this.accounts = accounts;
        this.signIns = signIns;
        this.signInRules = signInRules;
    }

    @ModelAttribute("signInRules")
    SignInProperties signInRules() {
        return this.signInRules;
    }

    @ModelAttribute("roles")
    List<Role> roles() {
        return List.of(Role.values());
    }

    @ModelAttribute("signInFailures")
    List<SignInFailures> signInFailures() {
        return this.signIns.recentFailures();
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", this.accounts.list());
        if (!model.containsAttribute("newUser")) {
            model.addAttribute("newUser", NewUserForm.empty());
        }
        return VIEW;
    }

    @PostMapping
    String create(@Valid @ModelAttribute("newUser") NewUserForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("users", this.accounts.list());
            return VIEW;
        }
        try {
            UserView user = this.accounts.create(form.username(), form.role(), form.password());
            redirect.addFlashAttribute("success",
                    "User " + user.username() + " created as " + user.role().label() + ".");
            return REDIRECT;
        }
        catch (AccountRuleViolation ex) {
            errors.reject("account", ex.getMessage());
            model.addAttribute("users", this.accounts.list());
            return VIEW;
        }
    }

    @PostMapping("/{id}/role")
    String changeRole(@PathVariable long id, @RequestParam Role role, RedirectAttributes redirect) {
        return apply(redirect, "Role changed to " + role.label() + ".", () -> this.accounts.changeRole(id, role));
    }

    @PostMapping("/{id}/enabled")
    String setEnabled(@PathVariable long id, @RequestParam boolean enabled, Principal principal,
            RedirectAttributes redirect) {
        return apply(redirect, enabled ? "User enabled." : "User disabled.",
                () -> this.accounts.setEnabled(id, enabled, principal.getName()));
    }

    @PostMapping("/{id}/password")
    String resetPassword(@PathVariable long id, @RequestParam String password, RedirectAttributes redirect) {
        return apply(redirect, "Password reset.", () -> this.accounts.resetPassword(id, password));
    }

    @PostMapping("/{id}/email")
    String changeEmail(@PathVariable long id, @RequestParam(required = false) String email,
            RedirectAttributes redirect) {
        boolean blank = email == null || email.isBlank();
        return apply(redirect,
                blank ? "E-mail address removed."
                        : "E-mail address saved: alerts about this user's " + "campaigns go there.",
                () -> this.accounts.changeEmail(id, email));
    }

    /** Lifts a sign-in lock and forgets the failures of an account name or address. */
    @PostMapping("/sign-in-failures/unlock")
    String unlock(@RequestParam SignInSubject.Kind kind, @RequestParam String subject, Principal principal,
            RedirectAttributes redirect) {
        boolean cleared = this.signIns.unlock(new SignInSubject(kind, subject), principal.getName());
        redirect.addFlashAttribute("success", cleared ? "Sign-in failures of " + subject + " cleared."
                : "No sign-in failures of " + subject + " left to clear.");
        return REDIRECT;
    }

    private static String apply(RedirectAttributes redirect, String success, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("success", success);
        }
        catch (AccountRuleViolation ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
        }
        return REDIRECT;
    }

}
