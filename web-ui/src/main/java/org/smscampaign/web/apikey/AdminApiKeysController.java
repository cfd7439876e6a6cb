package org.smscampaign.web.apikey;

import java.security.Principal;
import java.util.List;

import jakarta.validation.Valid;
import org.smscampaign.web.security.ApiKeys;
import org.smscampaign.web.security.ApiScope;
import org.smscampaign.web.security.CreatedApiKey;
import org.smscampaign.web.security.Role;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin › API keys: create keys with a role and the scopes chosen (the token is shown
 * once), list and revoke them.
 */
@Controller
@RequestMapping("/admin/api-keys")
class AdminApiKeysController {

    private static final String VIEW = "admin/api-keys";

    private final ApiKeys apiKeys;

    AdminApiKeysController(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @ModelAttribute("roles")
    List<Role> roles() {
        return List.of(Role.values());
    }

    @ModelAttribute("scopes")
    List<ApiScope> scopes() {
        return List.of(ApiScope.values());
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("keys", this.apiKeys.list());
        if (!model.containsAttribute("newKey")) {
            model.addAttribute("newKey", NewApiKeyForm.empty());
        }
        return VIEW;
    }

    /**
     * Shows the new token in this answer rather than after a redirect: a flash attribute
     * would write it into the session, which lives in the database.
     */
    @PostMapping
    String create(@Valid @ModelAttribute("newKey") NewApiKeyForm form, BindingResult errors, Principal principal,
            Model model) {
        if (!errors.hasErrors() && !ApiScope.allowedFor(form.role()).containsAll(form.scopes())) {
            errors.rejectValue("scopes", "scopes.role",
                    "A " + form.role().label() + " key may only read (" + ApiScope.API_READ.value() + ").");
        }
        if (!errors.hasErrors()) {
            CreatedApiKey created = this.apiKeys.create(form.name(), form.role(), form.scopes(), principal.getName());
            model.addAttribute("createdKey", created);
            model.addAttribute("newKey", NewApiKeyForm.empty());
        }
        model.addAttribute("keys", this.apiKeys.list());
        return VIEW;
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        this.apiKeys.revoke(id, principal.getName());
        redirect.addFlashAttribute("success", "API key revoked: it no longer authenticates.");
        return "redirect:/admin/api-keys";
    }

}
