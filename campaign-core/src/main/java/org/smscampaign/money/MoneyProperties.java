package org.smscampaign.money;

import java.util.Currency;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of money.
 *
 * @param currency the reporting currency (ISO 4217): every amount on dashboards and
 * reports is in it; amounts in other currencies are converted with the exchange-rate
 * table
 */
@ConfigurationProperties("sms.money")
public record MoneyProperties(@DefaultValue("USD") String currency) {

    public MoneyProperties {
        currency = currency.strip().toUpperCase(Locale.ROOT);
        Currency.getInstance(currency); // refuses a code that is not ISO 4217
    }

}
