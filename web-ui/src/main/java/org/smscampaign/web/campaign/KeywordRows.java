package org.smscampaign.web.campaign;

import java.util.ArrayList;
import java.util.List;

import org.smscampaign.campaign.CampaignDraft;

/**
 * A campaign's reply keywords as rows of a form: word, variant, automatic answer and list
 * side by side (a row without a word is no keyword), with one blank row to add to.
 */
record KeywordRows(List<String> keyword, List<String> keywordVariant, List<String> keywordAnswer,
        List<String> keywordList) {

    static KeywordRows of(List<CampaignDraft.ReplyKeyword> keywords) {
        List<String> words = new ArrayList<>();
        List<String> variants = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        List<String> lists = new ArrayList<>();
        for (CampaignDraft.ReplyKeyword keyword : keywords) {
            words.add(keyword.keyword());
            variants.add((keyword.variant() != null) ? keyword.variant() : "");
            answers.add((keyword.answer() != null) ? keyword.answer() : "");
            lists.add((keyword.listId() != null) ? keyword.listId().toString() : "");
        }
        if (words.isEmpty()) {
            words.add("");
            variants.add("");
            answers.add("");
            lists.add("");
        }
        return new KeywordRows(words, variants, answers, lists);
    }

    List<CampaignDraft.ReplyKeyword> keywords() {
        List<CampaignDraft.ReplyKeyword> keywords = new ArrayList<>();
        int rows = (this.keyword != null) ? this.keyword.size() : 0;
        for (int i = 0; i < rows; i++) {
            String word = this.keyword.get(i);
            String answer = at(this.keywordAnswer, i);
            if ((word == null || word.isBlank()) && (answer == null || answer.isBlank())) {
                continue;
            }
            String list = at(this.keywordList, i);
            keywords.add(new CampaignDraft.ReplyKeyword(word, at(this.keywordVariant, i), answer,
                    (list != null && list.matches("\\d{1,18}")) ? Long.valueOf(list) : null));
        }
        return keywords;
    }

    private static String at(List<String> values, int index) {
        return (values != null && index < values.size()) ? values.get(index) : null;
    }

}
