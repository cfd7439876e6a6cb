package org.smscampaign.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.smscampaign.messaging.provider.SmsSender;

import org.springframework.stereotype.Service;

/**
 * The account's message templates (Twilio Content API), listed from the provider and
 * cached for {@code sms.messaging.templates.cache-for}: WhatsApp messages that start a
 * conversation must be one of the approved ones.
 */
@Service
public class ContentTemplates {

    private final LoadingCache<String, List<ContentTemplateView>> cache;

    ContentTemplates(SmsSender provider, MessagingProperties properties) {
        Duration ttl = properties.templates().cacheFor();
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(1).build((key) -> provider.templates());
    }

    /**
     * Every template of the account, by name.
     * @throws TemplatesUnavailable when the provider cannot be asked now
     */
    public List<ContentTemplateView> all() {
        try {
            return this.cache.get("all");
        }
        catch (RuntimeException ex) {
            throw (ex instanceof TemplatesUnavailable unavailable) ? unavailable : new TemplatesUnavailable(ex);
        }
    }

    /** The templates WhatsApp approved. */
    public List<ContentTemplateView> approved() {
        return all().stream().filter(ContentTemplateView::approved).toList();
    }

    public Optional<ContentTemplateView> find(String sid) {
        return all().stream().filter((template) -> template.sid().equals(sid)).findFirst();
    }

    /** Asks the provider again at the next read (after templates changed there). */
    public void refresh() {
        this.cache.invalidateAll();
    }

}
