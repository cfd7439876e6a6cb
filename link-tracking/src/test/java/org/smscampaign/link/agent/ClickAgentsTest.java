package org.smscampaign.link.agent;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smscampaign.link.AgentExplanation;
import org.smscampaign.link.AgentVerdict;
import org.smscampaign.link.ClickReason;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agents that matter to SMS links, as real devices, apps, previews, scanners and bots
 * send them, with the class each must get from the full chain of sources (no admin
 * additions).
 */
class ClickAgentsTest {

    static final AgentClassifier CLASSIFIER = new AgentClassifier(List::of, true, true);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "PERSON",
            textBlock = """
                    iPhone Safari              | Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1 | PERSON
                    Chrome on Android          | Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Mobile Safari/537.36 | PERSON
                    Samsung Internet           | Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36 | PERSON
                    Firefox                    | Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:126.0) Gecko/20100101 Firefox/126.0 | PERSON
                    Firefox on Android         | Mozilla/5.0 (Android 14; Mobile; rv:126.0) Gecko/126.0 Firefox/126.0 | PERSON
                    Edge                       | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36 Edg/125.0.2535.67 | PERSON
                    Google app on iPhone       | Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) GSA/290.0.583016036 Mobile/15E148 Safari/604.1 | PERSON
                    Instagram on iPhone        | Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 307.0.0.34.111 (iPhone14,5; iOS 17_1; en_US; en; scale=3.00; 1170x2532; 532277064) | PERSON
                    Instagram on Android       | Mozilla/5.0 (Linux; Android 15; CPH2557 Build/AP3A.240617.008; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/142.0.7444.142 Mobile Safari/537.36 Instagram 406.0.0.58.159 Android (35/15; 480dpi; 1080x2400; OPPO; CPH2557; OP573DL1; mt6833; en_MY; 822918295; IABMV/1) NV/1 | PERSON
                    Facebook on iPhone         | Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/443.0.0.43.112;FBBV/547456;FBDV/iPhone15,2;FBMD/iPhone;FBSN/iOS;FBSV/17.1;FBSS/3;FBID/phone;FBLC/en_US;FBOP/5;FBRV/549613] | PERSON
                    Facebook on Android        | Mozilla/5.0 (Linux; Android 13; SM-G991B Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/119.0.6045.163 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/442.0.0.33.113;] | PERSON
                    Facebook (MetaIAB)         | Mozilla/5.0 (Linux; Android 16; Pixel 10 Pro XL Build/CP1A.260305.018; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/146.0.7680.174 Mobile Safari/537.36 MetaIAB Facebook | PERSON
                    TikTok on iPhone           | Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 musical_ly_32.5.0 JsSdk/2.0 NetType/WIFI Channel/App Store ByteLocale/en Region/US RevealType/Dialog isDarkMode/0 WKWebView/1 BytedanceWebview/d8a21c6 | PERSON
                    TikTok on Android          | Mozilla/5.0 (Linux; Android 12; SM-A525F Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/117.0.0.0 Mobile Safari/537.36 trill_2023105030 JsSdk/1.0 NetType/WIFI Channel/googleplay AppName/musical_ly app_version/31.5.3 ByteLocale/en ByteFullLocale/en Region/DE AppId/1233 Spark/1.4.6.3-bugfix AppVersion/31.5.3 BytedanceWebview/d8a21c6 | PERSON
                    Snapchat                   | Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Snapchat/12.60.0.38 (like Safari/8617.1.17.10.9, panda) | PERSON
                    WeChat                     | Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.43(0x18002b2c) NetType/WIFI Language/zh_CN | PERSON
                    LINE                       | Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari Line/13.16.0 | PERSON
                    LinkedIn app               | Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.29.6724 | PERSON
                    Pinterest app              | Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [Pinterest/iOS] | PERSON
                    X app                      | Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Twitter for iPhone/10.18 | PERSON
                    WhatsApp, bare (Signal)    | WhatsApp | PREVIEW
                    WhatsApp on Android        | WhatsApp/2.23.20.0 A | PREVIEW
                    WhatsApp on iPhone         | WhatsApp/2.19.92 i | PREVIEW
                    Viber                      | Viber/20.9.0.8 CFNetwork/1410.0.3 Darwin/22.6.0 | PREVIEW
                    Telegram                   | TelegramBot (like TwitterBot) | PREVIEW
                    iMessage                   | Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0 | PREVIEW
                    Skype and Teams            | Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5 | PREVIEW
                    Slack                      | Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots) | PREVIEW
                    Discord                    | Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com) | PREVIEW
                    Snap URL Preview Service   | Snap URL Preview Service; bot; snapchat; https://developers.snap.com/robots | PREVIEW
                    facebookexternalhit        | facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php) | PREVIEW
                    meta-externalfetcher       | meta-externalfetcher/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler) | PREVIEW
                    LinkedInBot                | LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com) | PREVIEW
                    Twitterbot                 | Twitterbot/1.0 | PREVIEW
                    Pinterest                  | Pinterest/0.2 (+http://www.pinterest.com/bot.html) | PREVIEW
                    Tumblr                     | Tumblr/14.0.835.186 | PREVIEW
                    Mastodon                   | http.rb/5.1.1 (Mastodon/4.2.0; +https://mastodon.social/) Bot | PREVIEW
                    Google Web Preview         | Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko; Google Web Preview) Chrome/27.0.1453 Safari/537.36 | PREVIEW
                    Gmail GoogleImageProxy     | Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy) | PREVIEW
                    Outlook                    | Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro) | PREVIEW
                    Yahoo Mail                 | Mozilla/5.0 (compatible; Yahoo Link Preview; https://help.yahoo.com/kb/mail/yahoo-link-preview-SLN23615.html) | PREVIEW
                    meta-externalagent (AI)    | meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler) | BOT
                    facebookcatalog            | facebookcatalog/1.0 | BOT
                    Google-Safety              | Google-Safety | BOT
                    GoogleOther                | GoogleOther | BOT
                    Mediapartners-Google       | Mozilla/5.0 (iPhone; U; CPU iPhone OS 10_0 like Mac OS X; en-us) AppleWebKit/602.1.38 (KHTML, like Gecko) Version/10.0 Mobile/14A5297c Safari/602.1 (compatible; Mediapartners-Google/2.1; +http://www.google.com/bot.html) | BOT
                    Googlebot                  | Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html) | BOT
                    Bingbot                    | Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) | BOT
                    Yahoo! Slurp               | Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp) | BOT
                    Chrome-Lighthouse          | Mozilla/5.0 (Linux; Android 7.0; Moto G (4)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/98.0.4695.0 Mobile Safari/537.36 Chrome-Lighthouse | BOT
                    Selenium client            | selenium/4.16.1 (java linux) | BOT
                    Playwright request         | Playwright/1.40.0 (x64; ubuntu 22.04) node/20.10 | BOT
                    HeadlessChrome             | Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36 | BOT
                    python-httpx               | python-httpx/0.27.0 | BOT
                    python-requests            | python-requests/2.31.0 | BOT
                    HTTPie                     | HTTPie/3.2.2 | BOT
                    curl                       | curl/8.4.0 | BOT
                    Go                         | Go-http-client/1.1 | BOT
                    Java HTTP client           | Java-http-client/17.0.15 | BOT
                    Pingdom                    | Pingdom.com_bot_version_1.4_(http://www.pingdom.com/) | BOT
                    Uptime Kuma                | Uptime-Kuma/1.23.11 | BOT
                    W3C link checker           | W3C-checklink/4.81 libwww-perl/6.72 | BOT
                    LinkChecker                | Mozilla/5.0 (compatible; LinkChecker/10.2.1; +https://linkchecker.github.io/linkchecker/) | BOT
                    Screaming Frog             | Screaming Frog SEO Spider/19.4 | BOT
                    AhrefsBot                  | Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/) | BOT
                    SemrushBot                 | Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html) | BOT
                    ZoominfoBot                | ZoominfoBot (zoominfobot at zoominfo dot com) | BOT
                    AI2Bot                     | Mozilla/5.0 (compatible) AI2Bot (+https://www.allenai.org/crawler) | BOT
                    GPTBot                     | Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot) | BOT
                    ClaudeBot                  | Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; ClaudeBot/1.0; +claudebot@anthropic.com) | BOT
                    urlscan                    | Mozilla/5.0 (compatible; urlscan/1.0; +https://urlscan.io/docs/) | BOT
                    X app name in a scanner    | Mozilla/5.0 (iPhone; CPU iPhone OS 7_0 like Mac OS X) AppleWebKit/537.51.1 (KHTML, like Gecko) Mobile/11A465 Twitter for iPhone BrandVerity/1.0 (http://www.brandverity.com/why-is-brandverity-visiting-me) | BOT
                    """)
    void classifiesTheAgentsThatMatterToSmsLinks(String agent, String userAgent, ClickReason expected) {
        assertThat(CLASSIFIER.classify(userAgent).reason()).as(agent + ": " + CLASSIFIER.classify(userAgent))
            .isEqualTo(expected);
    }

    @Test
    void anEmptyAgentIsNoBrowser() {
        assertThat(CLASSIFIER.classify("").reason()).isEqualTo(ClickReason.EMPTY_USER_AGENT);
        assertThat(CLASSIFIER.classify("  ").reason()).isEqualTo(ClickReason.EMPTY_USER_AGENT);
        assertThat(CLASSIFIER.classify(null).reason()).isEqualTo(ClickReason.EMPTY_USER_AGENT);
    }

    @Test
    void eachVerdictNamesTheSourceThatDecided() {
        assertThat(CLASSIFIER.classify("WhatsApp/2.23.20.0 A"))
            .isEqualTo(new AgentVerdict(ClickReason.PREVIEW, AgentVerdict.Source.SMS_RULE, "^WhatsApp(?:/|\\s*$)"));
        AgentVerdict googlebot = CLASSIFIER.classify("Googlebot/2.1 (+http://www.google.com/bot.html)");
        assertThat(googlebot.source()).isEqualTo(AgentVerdict.Source.YAUAA);
        assertThat(googlebot.detail()).contains("DeviceClass Robot").contains("AgentName Googlebot");
        // Yauaa sees Chrome on a phone; isbot's pattern knows Lighthouse.
        AgentVerdict lighthouse = CLASSIFIER.classify("Mozilla/5.0 (Linux; Android 7.0; Moto G (4)) "
                + "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/98.0.4695.0 Mobile Safari/537.36 Chrome-Lighthouse");
        assertThat(lighthouse)
            .isEqualTo(new AgentVerdict(ClickReason.BOT, AgentVerdict.Source.ISBOT, "chrome-lighthouse"));
        AgentVerdict instagram = CLASSIFIER.classify("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) "
                + "AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 307.0.0.34.111");
        assertThat(instagram.human()).isTrue();
        assertThat(instagram.source()).isEqualTo(AgentVerdict.Source.SMS_RULE);
        assertThat(CLASSIFIER
            .classify("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:126.0) Gecko/20100101 " + "Firefox/126.0"))
            .isEqualTo(AgentVerdict.PERSON);
    }

    @Test
    void theExplanationShowsEverySourcesOpinion() {
        AgentExplanation explained = CLASSIFIER.explain("facebookexternalhit/1.1");

        assertThat(explained.verdict().source()).isEqualTo(AgentVerdict.Source.SMS_RULE);
        assertThat(explained.opinions()).extracting(AgentExplanation.Opinion::source)
            .containsExactly(AgentVerdict.Source.ADMIN, AgentVerdict.Source.SMS_RULE, AgentVerdict.Source.YAUAA,
                    AgentVerdict.Source.ISBOT);
        assertThat(explained.opinions().get(0).decisive()).isFalse();
        assertThat(explained.opinions().get(3).decisive()).as("isbot knows it too").isTrue();
    }

    @Test
    void adminAdditionsComeFirstAndMaySayAnAgentIsAPerson() {
        String inAppBrowser = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Mobile/15E148 AcmeBankApp/5.2 (in-app browser; crawler-free)";
        assertThat(CLASSIFIER.classify(inAppBrowser).human()).as("taken for a crawler").isFalse();

        AgentClassifier withAdditions = new AgentClassifier(() -> List.of(AgentRules.fragment("HUMAN", "AcmeBankApp/"),
                AgentRules.fragment("BOT", "AcmeLinkScanner")), true, true);

        AgentVerdict rescued = withAdditions.classify(inAppBrowser);
        assertThat(rescued).isEqualTo(new AgentVerdict(null, AgentVerdict.Source.ADMIN, "AcmeBankApp/"));
        assertThat(withAdditions.classify("Mozilla/5.0 AcmeLinkScanner/3.1").source())
            .isEqualTo(AgentVerdict.Source.ADMIN);
        assertThat(CLASSIFIER.classify("Mozilla/5.0 AcmeLinkScanner/3.1").source())
            .isNotEqualTo(AgentVerdict.Source.ADMIN);
    }

    @Test
    void additionsMadeOrRemovedLaterApplyAfterAReload() {
        List<AgentRules.Rule> additions = new java.util.ArrayList<>();
        AgentClassifier classifier = new AgentClassifier(() -> List.copyOf(additions), true, true);
        String monitor = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/125.0.0.0 Mobile Safari/537.36 AcmeWatch/1.0";
        assertThat(classifier.classify(monitor).human()).isTrue();

        additions.add(AgentRules.fragment("BOT", "AcmeWatch/"));
        assertThat(classifier.classify(monitor).human()).as("cached until reloaded").isTrue();
        classifier.reload();
        assertThat(classifier.classify(monitor).source()).isEqualTo(AgentVerdict.Source.ADMIN);

        additions.clear();
        classifier.reload();
        assertThat(classifier.classify(monitor)).isEqualTo(AgentVerdict.PERSON);
    }

    @Test
    void additionsAreLiteralTextNotExpressions() {
        AgentClassifier tricky = new AgentClassifier(() -> List.of(AgentRules.fragment("BOT", "a.*b(")), false, false);

        assertThat(tricky.classify("Mozilla/5.0 axxb").human()).isTrue();
        assertThat(tricky.classify("Mozilla/5.0 a.*b(").reason()).isEqualTo(ClickReason.BOT);
    }

    @Test
    void anInAppRuleProtectsOnlyAgentsThatLookLikeABrowser() {
        // Instagram's own API client is no person tapping a link.
        assertThat(CLASSIFIER
            .classify("Instagram 219.0.0.12.117 Android (29/10; 420dpi; 1080x2220; samsung; "
                    + "SM-G960F; starlte; samsungexynos9810; en_US; 346138365)")
            .source()).isNotEqualTo(AgentVerdict.Source.SMS_RULE);
    }

}
