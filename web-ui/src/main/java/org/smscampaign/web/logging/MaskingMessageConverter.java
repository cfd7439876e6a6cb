package org.smscampaign.web.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Replaces logback's {@code %m}/{@code %msg}/{@code %message} in text logs (see
 * {@code logback-spring.xml}) with the message with phone numbers masked and control
 * characters escaped: one event, one line, whatever its arguments hold.
 */
public class MaskingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return ControlCharacters.escape(PhoneNumberMask.mask(super.convert(event)));
    }

}
