package org.smscampaign.web.money;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.LocalDate;

import org.smscampaign.messaging.Prices;
import org.smscampaign.money.ExchangeRates;
import org.smscampaign.money.MoneyProblem;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin › Exchange rates: the dated rates that convert conversion values and provider
 * prices in other currencies into the reporting currency.
 */
@Controller
@RequestMapping("/admin/exchange-rates")
class AdminExchangeRatesController {

    private final ExchangeRates rates;

    private final Prices prices;

    AdminExchangeRatesController(ExchangeRates rates, Prices prices) {
        this.rates = rates;
        this.prices = prices;
    }

    @GetMapping
    String index(Model model) {
        model.addAttribute("currency", this.rates.currency());
        model.addAttribute("priceCurrency", this.prices.currency());
        model.addAttribute("rates", this.rates.list());
        return "admin/exchange-rates";
    }

    @PostMapping
    String set(@RequestParam String currency,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
            @RequestParam(required = false) BigDecimal rate, Principal principal, RedirectAttributes redirect) {
        try {
            this.rates.set(currency, validFrom, rate, principal.getName());
            redirect.addFlashAttribute("success", "Rate saved: amounts in " + currency.strip().toUpperCase() + " from "
                    + validFrom + " on are converted with it.");
        }
        catch (MoneyProblem ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/admin/exchange-rates";
    }

    @PostMapping("/removal")
    String remove(@RequestParam String currency,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
            RedirectAttributes redirect) {
        try {
            this.rates.remove(currency, validFrom);
            redirect.addFlashAttribute("success", "Rate removed.");
        }
        catch (MoneyProblem ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/admin/exchange-rates";
    }

}
