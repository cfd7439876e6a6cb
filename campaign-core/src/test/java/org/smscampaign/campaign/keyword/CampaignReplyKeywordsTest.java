package org.smscampaign.campaign.keyword;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignReplyKeywordsTest {

    @Test
    void aTextIsAKeywordAloneOrFollowedBySpaceOrPunctuationInAnyCase() {
        assertThat(CampaignReplyKeywords.firstWord("SHOES")).isEqualTo("SHOES");
        assertThat(CampaignReplyKeywords.firstWord("shoes please")).isEqualTo("SHOES");
        assertThat(CampaignReplyKeywords.firstWord("Shoes!")).isEqualTo("SHOES");
        assertThat(CampaignReplyKeywords.firstWord("  \"shoes\", thanks")).isEqualTo("SHOES");
        assertThat(CampaignReplyKeywords.firstWord("Schuhe?")).isEqualTo("SCHUHE");
    }

    @Test
    void aLongerWordIsNotItsPrefix() {
        assertThat(CampaignReplyKeywords.firstWord("shoes2")).isEqualTo("SHOES2");
        assertThat(CampaignReplyKeywords.firstWord("")).isNull();
        assertThat(CampaignReplyKeywords.firstWord(null)).isNull();
        assertThat(CampaignReplyKeywords.firstWord("a")).as("one letter is no keyword").isNull();
    }

}
