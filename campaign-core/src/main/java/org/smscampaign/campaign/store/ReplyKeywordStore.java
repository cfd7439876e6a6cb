package org.smscampaign.campaign.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.smscampaign.campaign.CampaignDraft;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Campaigns' reply keywords ({@code campaign_keyword}). A keyword kept across saves keeps
 * its id, so the responses it received stay counted.
 */
@Component
class ReplyKeywordStore {

    private final JdbcClient jdbc;

    ReplyKeywordStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces a campaign's keywords: removed ones go, kept ones are updated. */
    void write(long id, List<CampaignDraft.ReplyKeyword> keywords) {
        this.jdbc.sql("delete from campaign_keyword where campaign_id = :id and not (keyword = any(:words))")
            .param("id", id)
            .param("words", keywords.stream().map(CampaignDraft.ReplyKeyword::keyword).toArray(String[]::new))
            .update();
        for (int i = 0; i < keywords.size(); i++) {
            CampaignDraft.ReplyKeyword keyword = keywords.get(i);
            this.jdbc.sql("""
                    insert into campaign_keyword (campaign_id, position, keyword, variant, answer, list_id)
                    values (:id, :position, :keyword, :variant, :answer, :list)
                    on conflict (campaign_id, keyword) do update set position = excluded.position,
                        variant = excluded.variant, answer = excluded.answer, list_id = excluded.list_id""")
                .param("id", id)
                .param("position", i)
                .param("keyword", keyword.keyword())
                .param("variant", keyword.variant())
                .param("answer", keyword.answer())
                .param("list", keyword.listId())
                .update();
        }
    }

    /** The keywords of some campaigns, by campaign, in one query. */
    Map<Long, List<CampaignDraft.ReplyKeyword>> keywords(Long[] ids) {
        Map<Long, List<CampaignDraft.ReplyKeyword>> keywords = new HashMap<>();
        this.jdbc.sql("select * from campaign_keyword where campaign_id = any(:ids) order by campaign_id, position")
            .param("ids", ids)
            .query((row, n) -> keywords.computeIfAbsent(row.getLong("campaign_id"), (k) -> new ArrayList<>())
                .add(new CampaignDraft.ReplyKeyword(row.getString("keyword"), row.getString("variant"),
                        row.getString("answer"), row.getObject("list_id", Long.class))))
            .list();
        return keywords;
    }

}
