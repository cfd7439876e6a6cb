package org.smscampaign.messaging;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.smscampaign.messaging.inbox.ConversationStore;
import org.smscampaign.messaging.inbox.SavedAnswerStore;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The two-way inbox: conversations by number (texts received and sent), who looks after
 * each, internal notes, saved answers, and which texts a person answered. Sending the
 * answer itself is {@link MessageGateway#answer}.
 */
@Service
public class Conversations {

    private final ConversationStore store;

    private final SavedAnswerStore savedAnswers;

    private final MessagingProperties properties;

    private final Clock clock;

    Conversations(ConversationStore store, SavedAnswerStore savedAnswers, MessagingProperties properties, Clock clock) {
        this.store = store;
        this.savedAnswers = savedAnswers;
        this.properties = properties;
        this.clock = clock;
    }

    /** Conversations, newest activity first. */
    @Transactional(readOnly = true)
    public List<ConversationSummary> list(ConversationFilter filter, int limit) {
        return this.store.list(filter, Math.max(1, Math.min(limit, 500)));
    }

    /** A conversation with its latest texts and its notes; empty when nobody wrote. */
    @Transactional(readOnly = true)
    public Optional<Conversation> find(String phone) {
        return this.store.find(phone)
            .map((summary) -> new Conversation(summary, this.store.entries(phone, 200), this.store.notes(phone),
                    senderFor(phone).orElse(null)));
    }

    /** How many conversations wait for an answer. */
    @Transactional(readOnly = true)
    public long waiting() {
        return this.store.waiting();
    }

    /** Gives the conversation to a user (null: to nobody). */
    @Transactional
    public void assign(String phone, String assignee, String by) {
        existing(phone);
        this.store.assign(phone, assignee, by);
    }

    /** Closes the conversation until the next text arrives, or opens it again. */
    @Transactional
    public void done(String phone, boolean done, String by) {
        existing(phone);
        this.store.done(phone, done, by);
    }

    /** Says the conversation needs an answer (or no longer does). */
    @Transactional
    public void flag(String phone, boolean flagged, String by) {
        existing(phone);
        this.store.flag(phone, flagged, by);
    }

    @Transactional
    public InboxNote note(String phone, String body, String by) {
        existing(phone);
        String text = (body != null) ? body.strip() : "";
        if (text.isEmpty()) {
            throw new IllegalArgumentException("note: write something");
        }
        if (text.length() > 2000) {
            throw new IllegalArgumentException("note: at most 2,000 characters");
        }
        return this.store.note(phone, text, by);
    }

    /**
     * A person answered: the conversation's responses not answered before are answered
     * now. Returns how many texts that marked.
     */
    @Transactional
    public int answered(String phone) {
        return this.store.answered(phone, this.clock.instant());
    }

    /**
     * The configured sender an answer to the number goes out on: the one the person last
     * wrote to (same address), else the first on the same channel.
     */
    @Transactional(readOnly = true)
    public Optional<String> senderFor(String phone) {
        Optional<String[]> written = this.store.lastWrittenTo(phone);
        if (written.isEmpty()) {
            return Optional.empty();
        }
        String address = Channel.number(written.get()[0]);
        Channel channel = Channel.valueOf(written.get()[1]);
        Map<String, MessagingProperties.Sender> senders = new java.util.TreeMap<>(this.properties.senders());
        for (Map.Entry<String, MessagingProperties.Sender> sender : senders.entrySet()) {
            if (sender.getValue().channel() == channel && address != null
                    && address.equals(Channel.number(sender.getValue().from()))) {
                return Optional.of(sender.getKey());
            }
        }
        if (senders.containsKey(MessagingProperties.DEFAULT_SENDER)
                && senders.get(MessagingProperties.DEFAULT_SENDER).channel() == channel) {
            return Optional.of(MessagingProperties.DEFAULT_SENDER);
        }
        return senders.entrySet()
            .stream()
            .filter((sender) -> sender.getValue().channel() == channel)
            .map(Map.Entry::getKey)
            .findFirst();
    }

    @Transactional(readOnly = true)
    public List<SavedAnswer> savedAnswers() {
        return this.savedAnswers.all();
    }

    @Transactional(readOnly = true)
    public Optional<SavedAnswer> savedAnswer(long id) {
        return this.savedAnswers.find(id);
    }

    /** Creates (id null) or changes a saved answer. */
    @Transactional
    public SavedAnswer saveAnswer(Long id, String title, String body, String by) {
        String name = (title != null) ? title.strip() : "";
        String text = (body != null) ? body.strip() : "";
        if (name.isEmpty() || name.length() > 100) {
            throw new IllegalArgumentException("title: give a title of at most 100 characters");
        }
        if (text.isEmpty() || text.length() > 1600) {
            throw new IllegalArgumentException("body: write the answer (at most 1,600 characters)");
        }
        return this.savedAnswers.save(id, name, text, by);
    }

    @Transactional
    public boolean deleteSavedAnswer(long id) {
        return this.savedAnswers.delete(id);
    }

    private void existing(String phone) {
        if (this.store.find(phone).isEmpty()) {
            throw new java.util.NoSuchElementException("No conversation with " + phone);
        }
    }

}
