package org.smscampaign.campaign.keyword;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.smscampaign.CampaignCoreIT;
import org.smscampaign.contact.ConsentSource;
import org.smscampaign.contact.ConsentStatus;
import org.smscampaign.contact.ContactDetails;
import org.smscampaign.contact.ContactInput;
import org.smscampaign.contact.ContactListView;
import org.smscampaign.contact.ContactLists;
import org.smscampaign.contact.ContactManagement;
import org.smscampaign.messaging.Replies;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A keyword text the gateway stored, whose answer and list join a crash lost (they run
 * after its commit): a restarted process's sweep answers it and adds the person to the
 * list, once, however often it runs.
 */
@CampaignCoreIT
class KeywordSweepIT {

    @Autowired
    Replies replies;

    @Autowired
    KeywordAnswers answers;

    @Autowired
    ContactManagement contacts;

    @Autowired
    ContactLists lists;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    /** A process just started: it looks back from scratch. */
    private KeywordSweep restarted() {
        return new KeywordSweep(this.replies, this.answers, this.jdbc, this.clock);
    }

    private long insertText(String phone, long contact, long campaign, long keyword, String age) {
        return this.jdbc.sql("""
                insert into inbound_message (provider_sid, from_number, to_number, body, kind, classified_kind,
                    kind_reason, keyword_id, needs_review, campaign_id, contact_id, channel, received_at)
                values (:sid, :phone, '+15005550006', 'shoes', 'KEYWORD', 'KEYWORD', 'keyword', :keyword, false,
                    :campaign, :contact, 'SMS', now() - cast(:age as interval))
                returning id""")
            .param("sid", "SM" + System.nanoTime())
            .param("phone", phone)
            .param("keyword", keyword)
            .param("campaign", campaign)
            .param("contact", contact)
            .param("age", age)
            .query(Long.class)
            .single();
    }

    private long count(String sql, long keyword, String phone) {
        return this.jdbc.sql(sql).param("keyword", keyword).param("phone", phone).query(Long.class).single();
    }

    @Test
    void aKeywordTextWhoseHandlingWasLostIsAnsweredAndListedOnce() {
        String number = "+49176" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        ContactDetails ella = this.contacts.create(new ContactInput(number, "Ella", "Roth", null, null, null, null,
                null, null, null, null, null, Map.of()), ConsentStatus.SUBSCRIBED, ConsentSource.FORM, "Store sign-up",
                "marketer");
        long list = this.lists.create("Shoe fans " + System.nanoTime(), null).id();
        long campaign = this.jdbc.sql("""
                insert into campaign (name, status, sender, created_by) values ('Keyword sweep', 'SENDING',
                    'default', 'test') returning id""").query(Long.class).single();
        long keyword = this.jdbc.sql("""
                insert into campaign_keyword (campaign_id, position, keyword, answer, list_id)
                values (:campaign, 0, :word, 'Here is the catalogue', :list) returning id""")
            .param("campaign", campaign)
            .param("word", "SWEEP" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase())
            .param("list", list)
            .query(Long.class)
            .single();
        // As a crash leaves it: the text stored, nothing of what it sets off.
        long text = insertText(number, ella.id(), campaign, keyword, "5 minutes");
        // Just came: its live handling may still be under way, the sweep leaves it.
        long fresh = insertText(number, ella.id(), campaign, keyword, "0 seconds");

        for (int run = 0; run < 2; run++) {
            KeywordSweep sweep = restarted();
            sweep.sweep();
            sweep.sweep();

            assertThat(count("select count(*) from campaign_keyword_answer where keyword_id = :keyword "
                    + "and phone = :phone and message_id is not null", keyword, number))
                .as("exactly one answer")
                .isOne();
            assertThat(count("select count(*) from outbound_message where to_number = :phone "
                    + "and idempotency_key like 'keyword:' || :keyword || ':%'", keyword, number))
                .isOne();
            assertThat(this.contacts.find(ella.id()).orElseThrow().lists()).extracting(ContactListView::id)
                .containsExactly(list);
            assertThat(this.jdbc.sql("select inbound_id from campaign_keyword_text where inbound_id in (:a, :b)")
                .param("a", text)
                .param("b", fresh)
                .query(Long.class)
                .list()).containsExactly(text);
        }
    }

}
