package org.smscampaign.web.logging;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * The console encoder of {@code logback-spring.xml}: Spring Boot's structured JSON
 * encoder when {@code logging.structured.format.console} is set, otherwise the text
 * pattern. Boot does this choice itself only without a custom logback file, which we need
 * for the masking converter.
 */
public class ConsoleEncoder extends EncoderBase<ILoggingEvent> {

    private String pattern;

    private String structuredFormat;

    private Charset charset = StandardCharsets.UTF_8;

    private Encoder<ILoggingEvent> delegate;

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public void setStructuredFormat(String structuredFormat) {
        this.structuredFormat = structuredFormat;
    }

    public void setCharset(Charset charset) {
        this.charset = charset;
    }

    @Override
    public void start() {
        this.delegate = (this.structuredFormat != null && !this.structuredFormat.isBlank()) ? structured() : text();
        super.start();
    }

    private Encoder<ILoggingEvent> structured() {
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(getContext());
        encoder.setFormat(this.structuredFormat);
        encoder.setCharset(this.charset);
        encoder.start();
        return encoder;
    }

    private Encoder<ILoggingEvent> text() {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(getContext());
        encoder.setPattern(this.pattern);
        encoder.setCharset(this.charset);
        encoder.start();
        return encoder;
    }

    @Override
    public void stop() {
        if (this.delegate != null) {
            this.delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return this.delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return this.delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return this.delegate.footerBytes();
    }

}
