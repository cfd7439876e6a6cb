package org.smscampaign.messaging.provider;

import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.pricing.PriceTable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The provider messages go out through, by configuration. */
@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

    @Bean
    SmsSender smsSender(MessagingProperties properties, JdbcClient jdbc, SignatureKey key, CallbackAddresses addresses,
            PriceTable prices) {
        return switch (properties.provider()) {
            case TWILIO -> new TwilioSender(properties);
            case SIMULATOR -> new SimulatedProvider(properties, jdbc, key, addresses, prices);
        };
    }

}
