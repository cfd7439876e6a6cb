package org.smscampaign.messaging.pricing;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.PriceQuote;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one cost model's table: a destination's own price, else the table's price for other
 * countries, else the sender's own price, else none; destinations told apart by the
 * number alone, shared calling codes included.
 */
class PriceTableTest {

    private static final MessagingProperties.Sender FLAT = new MessagingProperties.Sender("+15005550006", null,
            Channel.SMS, 10, 0, 8, new BigDecimal("0.0079"));

    private static final MessagingProperties.Sender NO_PRICE = new MessagingProperties.Sender("+15005550006", null,
            Channel.SMS, 10, 0, 8, null);

    private static PriceTable table(Map<String, String> settings) {
        return new PriceTable(new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("sms.messaging",
                MessagingProperties.class));
    }

    @Test
    void aGermanNumberCostsTheGermanPriceWhateverTheSenderCharges() {
        PriceQuote quote = table(Map.of()).quote(Channel.SMS, "+4917612345678", FLAT);

        assertThat(quote.country()).isEqualTo("DE");
        assertThat(quote.perSegment()).isEqualByComparingTo("0.0865");
        assertThat(quote.source()).isEqualTo(PriceQuote.Source.COUNTRY);
        assertThat(quote.costOf(3)).isEqualByComparingTo("0.2595");
        assertThat(quote.currency()).isEqualTo("USD");
    }

    @Test
    void aCountryWithoutItsOwnRowTakesThePriceForOtherCountries() {
        PriceQuote quote = table(Map.of()).quote(Channel.SMS, "+5511987654321", FLAT);

        assertThat(quote.country()).isEqualTo("BR");
        assertThat(quote.perSegment()).isEqualByComparingTo("0.0500");
        assertThat(quote.source()).isEqualTo(PriceQuote.Source.OTHER_COUNTRIES);
    }

    @Test
    void theSendersPriceIsOnlyTheFallbackWhereTheTableHasNoRow() {
        Map<String, String> settings = new HashMap<>();
        settings.put("sms.messaging.pricing.currency", "EUR");
        settings.put("sms.messaging.pricing.prices[0].channel", "SMS");
        settings.put("sms.messaging.pricing.prices[0].country", "DE");
        settings.put("sms.messaging.pricing.prices[0].per-segment", "0.0790");
        PriceTable table = table(settings);

        assertThat(table.quote(Channel.SMS, "+4917612345678", FLAT).perSegment()).isEqualByComparingTo("0.0790");
        PriceQuote french = table.quote(Channel.SMS, "+33612345678", FLAT);
        assertThat(french.source()).isEqualTo(PriceQuote.Source.SENDER);
        assertThat(french.perSegment()).isEqualByComparingTo("0.0079");
        assertThat(french.currency()).isEqualTo("EUR");
        PriceQuote none = table.quote(Channel.SMS, "+33612345678", NO_PRICE);
        assertThat(none.source()).isEqualTo(PriceQuote.Source.NONE);
        assertThat(none.costOf(1)).isNull();
    }

    @Test
    void sharedCallingCodesAreToldApartByTheNumber() {
        DestinationCountries countries = new DestinationCountries();

        assertThat(countries.of("+14155550123")).isEqualTo("US");
        assertThat(countries.of("+14165550123")).as("Toronto").isEqualTo("CA");
        assertThat(countries.of("+18765550123")).as("Jamaica").isEqualTo("JM");
        assertThat(countries.of("+447400123456")).isEqualTo("GB");
        assertThat(countries.of("+447781123456")).as("Guernsey mobile").isEqualTo("GG");
        assertThat(countries.of("+77012345678")).as("Kazakhstan mobile").isEqualTo("KZ");
        assertThat(countries.of("+79123456789")).isEqualTo("RU");
        assertThat(countries.of("whatsapp:+4917612345678")).isEqualTo("DE");
        assertThat(countries.of("+999")).isNull();
    }

    @Test
    void whatsAppIsPricedOnItsOwnChannel() {
        PriceQuote quote = table(Map.of()).quote(Channel.WHATSAPP, "+4917612345678", null);

        assertThat(quote.perSegment()).isEqualByComparingTo("0.0600");
        assertThat(quote.source()).isEqualTo(PriceQuote.Source.COUNTRY);
    }

}
