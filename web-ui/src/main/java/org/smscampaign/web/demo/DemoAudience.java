package org.smscampaign.web.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.contact.BatchOptions;
import org.smscampaign.contact.ConsentSource;
import org.smscampaign.contact.ConsentStatus;
import org.smscampaign.contact.ContactBatches;
import org.smscampaign.contact.ContactCriteria;
import org.smscampaign.contact.ContactField;
import org.smscampaign.contact.ContactInput;
import org.smscampaign.contact.ContactListView;
import org.smscampaign.contact.ContactLists;
import org.smscampaign.contact.ContactManagement;
import org.smscampaign.contact.ContactNormalizer;
import org.smscampaign.contact.CriteriaOperator;
import org.smscampaign.contact.CustomAttributeType;
import org.smscampaign.contact.CustomAttributes;
import org.smscampaign.contact.ExistingContactPolicy;
import org.smscampaign.contact.NormalizedContact;
import org.smscampaign.contact.PreferredChannel;
import org.smscampaign.contact.WhatsAppConsent;
import org.smscampaign.contact.WhatsAppOptIn;
import org.smscampaign.segment.Segments;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In the demo profile, on a platform without contacts: a few thousand realistic contacts
 * in six countries (numbers valid for their country, so time zones differ; a few
 * landlines, which are kept but never texted), with ages, genders that match their first
 * names, interests, custom attributes and mixed consent, two lists and a few segments.
 * Deterministic.
 */
@Component
@Profile("demo")
@Order(2)
class DemoAudience implements ApplicationRunner {

    static final int CONTACTS = 3000;

    /** The demo's WhatsApp opt-ins were given in the year before this day. */
    private static final java.time.Instant DEMO_OPT_IN = java.time.Instant.parse("2026-11-01T10:00:00Z");

    private static final Logger log = LoggerFactory.getLogger(DemoAudience.class);

    private static final String[] INTERESTS = { "sports", "travel", "fashion", "tech", "food", "music", "fitness",
            "books", "gaming", "outdoor" };

    private final ContactManagement contacts;

    private final ContactBatches batches;

    private final ContactNormalizer normalizer;

    private final CustomAttributes customAttributes;

    private final ContactLists lists;

    private final Segments segments;

    DemoAudience(ContactManagement contacts, ContactBatches batches, ContactNormalizer normalizer,
            CustomAttributes customAttributes, ContactLists lists, Segments segments) {
        this.contacts = contacts;
        this.batches = batches;
        this.normalizer = normalizer;
        this.customAttributes = customAttributes;
        this.lists = lists;
        this.segments = segments;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (this.contacts.count() > 0) {
            return;
        }
        this.customAttributes.define("loyalty_points", "Loyalty points", CustomAttributeType.NUMBER);
        this.customAttributes.define("vip", "VIP customer", CustomAttributeType.BOOLEAN);
        Map<String, CustomAttributeType> types = this.customAttributes.types();
        ContactListView vip = this.lists.create("VIP customers", "Top spenders of the last 12 months (demo data)");
        ContactListView newsletter = this.lists.create("Newsletter sign-ups", "Opted in on the web shop (demo data)");
        Random random = new Random(20261123);
        // Channels draw from their own sequence: the people stay who they were.
        Random channels = new Random(20261207);
        Map<ConsentStatus, List<NormalizedContact>> byConsent = new EnumMap<>(ConsentStatus.class);
        List<NormalizedContact> vips = new ArrayList<>();
        List<NormalizedContact> signups = new ArrayList<>();
        for (int i = 0; i < CONTACTS; i++) {
            Market market = Market.ALL.get(weighted(random));
            ContactInput input = market.person(random, i);
            ContactNormalizer.Outcome outcome = this.normalizer.normalize(input, market.region(),
                    org.smscampaign.contact.DateOrder.DAY_MONTH_YEAR, types);
            if (!outcome.isValid()) {
                continue;
            }
            int roll = random.nextInt(100);
            ConsentStatus consent = (roll < 88) ? ConsentStatus.SUBSCRIBED
                    : (roll < 93) ? ConsentStatus.PENDING : ConsentStatus.UNSUBSCRIBED;
            outcome = new ContactNormalizer.Outcome(
                    withChannels(outcome.contact(), market, consent == ConsentStatus.SUBSCRIBED, channels), List.of(),
                    outcome.warnings());
            // List members go in with their list (an import adds existing numbers to no
            // list).
            if (Boolean.TRUE.equals(outcome.contact().attributes().get("vip"))) {
                vips.add(outcome.contact());
            }
            else if (random.nextInt(4) == 0) {
                signups.add(outcome.contact());
            }
            else {
                byConsent.computeIfAbsent(consent, (c) -> new ArrayList<>()).add(outcome.contact());
            }
        }
        byConsent.forEach((consent, people) -> this.batches.upsert(people, options(consent, null)));
        this.batches.upsert(vips, new BatchOptions(ExistingContactPolicy.SKIP, ConsentStatus.SUBSCRIBED,
                ConsentSource.IMPORT, "Demo data", vip.id(), "demo"));
        this.batches.upsert(signups, new BatchOptions(ExistingContactPolicy.SKIP, ConsentStatus.SUBSCRIBED,
                ConsentSource.IMPORT, "Demo data", newsletter.id(), "demo"));
        createSegments(vip.id());
        log.info("Demo audience created: {} contacts, 2 lists, 4 segments", this.contacts.count());
    }

    /**
     * WhatsApp opt-ins as common as WhatsApp is in each market (most of Spain, few in
     * North America), some preferring it; a few prefer SMS or RCS.
     */
    private static NormalizedContact withChannels(NormalizedContact contact, Market market, boolean subscribed,
            Random random) {
        int optInShare = switch (market.region()) {
            case "ES" -> 75;
            case "DE", "GB", "FR" -> 55;
            default -> 15;
        };
        boolean optedIn = subscribed && random.nextInt(100) < optInShare;
        int preference = random.nextInt(100);
        PreferredChannel preferred = (optedIn && preference < 40) ? PreferredChannel.WHATSAPP
                : (preference >= 92) ? PreferredChannel.SMS : (preference >= 88) ? PreferredChannel.RCS : null;
        WhatsAppOptIn optIn = optedIn ? new WhatsAppOptIn(WhatsAppConsent.OPTED_IN,
                DEMO_OPT_IN.minus(java.time.Duration.ofDays(random.nextInt(400))),
                "Demo import: ticked the WhatsApp box at checkout") : null;
        return contact.withChannels(preferred, optIn);
    }

    private static BatchOptions options(ConsentStatus consent, Long list) {
        return new BatchOptions(ExistingContactPolicy.UPDATE, consent, ConsentSource.IMPORT,
                "Demo data: generated contact", list, "demo");
    }

    private void createSegments(long vipList) {
        this.segments.create("Young sports fans in Germany", "Germany, 18 to 30, interested in sports",
                all(ContactCriteria.Condition.of(ContactField.COUNTRY, CriteriaOperator.EQUALS, "DE"),
                        ContactCriteria.Condition.of(ContactField.AGE, CriteriaOperator.BETWEEN, "18", "30"),
                        ContactCriteria.Condition.of(ContactField.TAGS, CriteriaOperator.HAS_ANY, "sports")),
                "demo");
        this.segments
            .create("US fashion shoppers", "United States, interested in fashion",
                    all(ContactCriteria.Condition.of(ContactField.COUNTRY, CriteriaOperator.EQUALS, "US"),
                            ContactCriteria.Condition.of(ContactField.TAGS, CriteriaOperator.HAS_ANY, "fashion")),
                    "demo");
        this.segments.create("Travel lovers 40+", "Interested in travel or outdoor, 40 and older",
                all(ContactCriteria.Condition.of(ContactField.AGE, CriteriaOperator.GREATER_THAN, "39"),
                        ContactCriteria.Condition.of(ContactField.TAGS, CriteriaOperator.HAS_ANY, "travel", "outdoor")),
                "demo");
        this.segments.create("Loyal customers", "In the VIP list or more than 4,000 loyalty points",
                new ContactCriteria.Group(ContactCriteria.Combinator.ANY,
                        List.of(ContactCriteria.Condition.of(ContactField.LIST, CriteriaOperator.IN,
                                String.valueOf(vipList)),
                                new ContactCriteria.Condition(ContactField.CUSTOM, CriteriaOperator.GREATER_THAN,
                                        List.of("4000"), "loyalty_points"))),
                "demo");
    }

    private static ContactCriteria all(ContactCriteria... criteria) {
        return new ContactCriteria.Group(ContactCriteria.Combinator.ALL, List.of(criteria));
    }

    private static int weighted(Random random) {
        int roll = random.nextInt(100);
        int total = 0;
        for (int i = 0; i < Market.ALL.size(); i++) {
            total += Market.ALL.get(i).share();
            if (roll < total) {
                return i;
            }
        }
        return 0;
    }

    /** A country with the names, places and mobile numbers of its people. */
    /**
     * @param femaleNames first names of women, {@code maleNames} of men: a contact's name
     * and gender agree (the "female" segment lists no Lukas)
     * @param landlines patterns of the country's landline numbers (none where numbers
     * cannot tell, as in North America)
     */
    record Market(String region, int share, String[] numberPatterns, String[] femaleNames, String[] maleNames,
            String[] lastNames, String[][] places, String language, String[] landlines) {

        static final List<Market> ALL = List.of(
                new Market("DE", 35, new String[] { "+49 17#########", "+49 16#########" },
                        new String[] { "Anna", "Sophie", "Marie", "Lena", "Mia", "Hannah", "Emilia" },
                        new String[] { "Lukas", "Jonas", "Felix", "Paul", "Leon", "Maximilian", "Elias" },
                        new String[] { "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner" },
                        new String[][] { { "Berlin", "Berlin" }, { "Hamburg", "Hamburg" }, { "München", "Bayern" },
                                { "Köln", "Nordrhein-Westfalen" }, { "Leipzig", "Sachsen" } },
                        "de", new String[] { "+49 30 ########", "+49 40 ########", "+49 89 ########" }),
                new Market("US", 25,
                        new String[] { "+1 212 4## ####", "+1 312 7## ####", "+1 415 8## ####", "+1 305 6## ####",
                                "+1 206 3## ####", "+1 512 9## ####" },
                        new String[] { "Emma", "Olivia", "Ava", "Sophia", "Isabella" },
                        new String[] { "Liam", "Noah", "James", "Lucas", "Ethan" },
                        new String[] { "Smith", "Johnson", "Williams", "Brown", "Garcia", "Miller", "Davis" },
                        new String[][] { { "New York", "NY" }, { "Chicago", "IL" }, { "San Francisco", "CA" },
                                { "Miami", "FL" }, { "Seattle", "WA" }, { "Austin", "TX" } },
                        "en-US", new String[0]),
                new Market("FR", 15, new String[] { "+33 6########", "+33 7########" },
                        new String[] { "Louise", "Jade", "Chloé", "Inès", "Camille" },
                        new String[] { "Gabriel", "Raphaël", "Arthur", "Louis", "Jules" },
                        new String[] { "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard" },
                        new String[][] { { "Paris", "Île-de-France" }, { "Lyon", "Auvergne-Rhône-Alpes" },
                                { "Marseille", "Provence-Alpes-Côte d'Azur" }, { "Bordeaux", "Nouvelle-Aquitaine" } },
                        "fr", new String[] { "+33 1########", "+33 4########" }),
                new Market("GB", 10, new String[] { "+44 74## ######", "+44 77## ######" },
                        new String[] { "Olivia", "Amelia", "Isla", "Ava" },
                        new String[] { "Oliver", "George", "Harry", "Noah" },
                        new String[] { "Jones", "Taylor", "Evans", "Wilson", "Thomas", "Roberts" },
                        new String[][] { { "London", "England" }, { "Manchester", "England" },
                                { "Edinburgh", "Scotland" } },
                        "en-GB", new String[] { "+44 20 7### ####", "+44 161 ### ####" }),
                new Market("ES", 10, new String[] { "+34 6## ### ###" },
                        new String[] { "Lucía", "Martina", "Sofía", "Carmen" },
                        new String[] { "Hugo", "Mateo", "Daniel", "Pablo" },
                        new String[] { "García", "Rodríguez", "González", "Fernández", "López", "Martínez" },
                        new String[][] { { "Madrid", "Madrid" }, { "Barcelona", "Cataluña" },
                                { "Sevilla", "Andalucía" } },
                        "es", new String[] { "+34 91# ### ###", "+34 93# ### ###" }),
                new Market("CA", 5, new String[] { "+1 416 5## ####", "+1 604 7## ####" },
                        new String[] { "Charlotte", "Alice", "Florence", "Olivia" },
                        new String[] { "William", "Benjamin", "Liam", "Thomas" },
                        new String[] { "Tremblay", "Roy", "Gagnon", "Campbell", "MacDonald" },
                        new String[][] { { "Toronto", "ON" }, { "Vancouver", "BC" } }, "en-CA", new String[0]));

        ContactInput person(Random random, int index) {
            // Some people gave a landline: kept, never texted.
            boolean landline = this.landlines.length > 0 && random.nextInt(100) < 3;
            String[] patterns = landline ? this.landlines : this.numberPatterns;
            String pattern = patterns[random.nextInt(patterns.length)];
            StringBuilder number = new StringBuilder();
            for (char c : pattern.toCharArray()) {
                number.append((c == '#') ? (char) ('0' + random.nextInt(10)) : c);
            }
            String[] place = this.places[random.nextInt(this.places.length)];
            int age = 18 + (int) Math.abs(random.nextGaussian() * 15 + 20) % 58;
            LocalDate birth = LocalDate.of(2026 - age, 1 + random.nextInt(12), 1 + random.nextInt(28));
            // The name follows the gender; a few people are diverse or did not say, with
            // a name from either list.
            int genderRoll = random.nextInt(100);
            String gender = (genderRoll < 48) ? "female"
                    : (genderRoll < 96) ? "male" : (genderRoll < 98) ? "diverse" : null;
            String[] names = "female".equals(gender) ? this.femaleNames
                    : "male".equals(gender) ? this.maleNames : random.nextBoolean() ? this.femaleNames : this.maleNames;
            String firstName = names[random.nextInt(names.length)];
            List<String> tags = new ArrayList<>();
            for (String interest : INTERESTS) {
                if (random.nextInt(100) < 22) {
                    tags.add(interest);
                }
            }
            int points = (int) Math.min(9000, Math.abs(random.nextGaussian() * 1500 + 1200));
            boolean vip = points > 4200 || random.nextInt(100) < 3;
            return new ContactInput(number.toString(), firstName, this.lastNames[random.nextInt(this.lastNames.length)],
                    null, place[0], place[1], this.region, gender, birth.toString(), this.language, null,
                    String.join("|", tags),
                    Map.of("loyalty_points", String.valueOf(points), "vip", String.valueOf(vip)));
        }

    }

}
