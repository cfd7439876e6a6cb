package org.smscampaign.link.click;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smscampaign.link.ClickReason;

import static org.assertj.core.api.Assertions.assertThat;

/** Classification of real user-agent strings, as devices, apps and bots send them. */
class BotPatternsTest {

    private final BotPatterns patterns = BotPatterns.withAdded(List.of());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "HUMAN",
            textBlock = """
                    iPhone Safari     | Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1 | HUMAN
                    Android Chrome    | Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Mobile Safari/537.36 | HUMAN
                    Samsung Internet  | Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36 | HUMAN
                    Firefox desktop   | Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:126.0) Gecko/20100101 Firefox/126.0 | HUMAN
                    Instagram in-app  | Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 307.0.0.34.111 | HUMAN
                    Facebook in-app   | Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/443.0.0.43.112;FBBV/547456;FBDV/iPhone15,2] | HUMAN
                    LINE in-app       | Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari Line/13.16.0 | HUMAN
                    iMessage preview  | Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0 | PREVIEW
                    WhatsApp          | WhatsApp/2.23.20.0 A | PREVIEW
                    Facebook crawler  | facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php) | PREVIEW
                    Meta agent        | meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler) | PREVIEW
                    Slack             | Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots) | PREVIEW
                    Telegram          | TelegramBot (like TwitterBot) | PREVIEW
                    Discord           | Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com) | PREVIEW
                    LinkedIn          | LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com) | PREVIEW
                    Skype             | Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5 | PREVIEW
                    Twitter           | Twitterbot/1.0 | PREVIEW
                    Googlebot         | Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html) | BOT
                    Bingbot           | Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) | BOT
                    curl              | curl/8.4.0 | BOT
                    python requests   | python-requests/2.31.0 | BOT
                    Go                | Go-http-client/1.1 | BOT
                    Java client       | Java-http-client/17.0.15 | BOT
                    Headless Chrome   | Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36 | BOT
                    """)
    void classifiesRealUserAgents(String device, String userAgent, ClickReason expected) {
        assertThat(this.patterns.classify(userAgent)).as(device).isEqualTo(expected);
    }

    @Test
    void anEmptyUserAgentIsNoBrowser() {
        assertThat(this.patterns.classify("")).isEqualTo(ClickReason.EMPTY_USER_AGENT);
        assertThat(this.patterns.classify(null)).isEqualTo(ClickReason.EMPTY_USER_AGENT);
    }

    @Test
    void adminAdditionsApplyAfterReload() {
        BotPatterns withAddition = BotPatterns.withAdded(List.of(new BotPatterns.Entry("BOT", "AcmeLinkScanner")));

        assertThat(withAddition.classify("Mozilla/5.0 AcmeLinkScanner/3.1")).isEqualTo(ClickReason.BOT);
        assertThat(this.patterns.classify("Mozilla/5.0 AcmeLinkScanner/3.1")).isNull();
    }

    @Test
    void patternsAreLiteralTextNotExpressions() {
        BotPatterns tricky = BotPatterns.withAdded(List.of(new BotPatterns.Entry("BOT", "a.*b(")));

        assertThat(tricky.classify("Mozilla/5.0 axxb")).isNull();
        assertThat(tricky.classify("Mozilla/5.0 a.*b(")).isEqualTo(ClickReason.BOT);
    }

}
