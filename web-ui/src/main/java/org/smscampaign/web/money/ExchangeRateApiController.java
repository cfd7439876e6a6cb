package org.smscampaign.web.money;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.smscampaign.money.ExchangeRate;
import org.smscampaign.money.ExchangeRates;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The exchange-rate table over REST, for admins (and their scripts that feed it). */
@RestController
@RequestMapping("/api/v1/admin/exchange-rates")
@Tag(name = "Exchange rates")
class ExchangeRateApiController {

    private final ExchangeRates rates;

    ExchangeRateApiController(ExchangeRates rates) {
        this.rates = rates;
    }

    /** What one unit of the currency is worth in the reporting currency. */
    record Rate(BigDecimal rate) {

    }

    @GetMapping
    @Operation(summary = "Every rate into the reporting currency",
            description = "Amounts in other currencies (conversion values, provider prices) are converted at the "
                    + "latest rate valid on their own day (UTC); without one they are listed apart, never added.")
    List<ExchangeRate> list() {
        return this.rates.list();
    }

    @PutMapping("/{currency}/{validFrom}")
    @Operation(summary = "Set a currency's rate from a day on",
            description = "One unit of the currency is worth `rate` units of the reporting currency from that day "
                    + "until a later rate. Replaces a rate of the same day.")
    ResponseEntity<ExchangeRate> set(@PathVariable String currency,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom, @RequestBody Rate body,
            Principal principal) {
        return ResponseEntity
            .ok(this.rates.set(currency, validFrom, (body != null) ? body.rate() : null, principal.getName()));
    }

    @DeleteMapping("/{currency}/{validFrom}")
    @Operation(summary = "Remove a currency's rate of a day")
    ResponseEntity<Void> remove(@PathVariable String currency,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom) {
        this.rates.remove(currency, validFrom);
        return ResponseEntity.noContent().build();
    }

}
