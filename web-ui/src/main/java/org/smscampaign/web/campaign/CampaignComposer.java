package org.smscampaign.web.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.smscampaign.campaign.CampaignProperties;
import org.smscampaign.contact.ContactQueries;
import org.smscampaign.contact.CustomAttributes;
import org.smscampaign.link.Brands;
import org.smscampaign.link.ShortCodes;
import org.smscampaign.messaging.SmsText;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the composer's script needs to count and help as the server does, read by the
 * campaign form ({@code @campaignComposer.facts()}): the short link's true length, the
 * default opt-out line, the look-alike characters smart encoding replaces, and the merge
 * fields contacts actually have. Public, as SpEL in templates calls only public types.
 */
@Component("campaignComposer")
public class CampaignComposer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Brands brands;

    private final CampaignProperties properties;

    private final ContactQueries contacts;

    private final CustomAttributes attributes;

    CampaignComposer(Brands brands, CampaignProperties properties, ContactQueries contacts,
            CustomAttributes attributes) {
        this.brands = brands;
        this.properties = properties;
        this.contacts = contacts;
        this.attributes = attributes;
    }

    /** A merge field button: the placeholder it inserts and its label. */
    public record Field(String placeholder, String label) {

    }

    /**
     * @param linkLength characters of one tracked link as sent (the default brand's)
     * @param lookAlikes JSON: each look-alike character with its plain replacement and
     * its name
     */
    public record Facts(int linkLength, String optOutLine, String lookAlikes, List<Field> fields) {

    }

    public Facts facts() {
        List<Field> fields = new ArrayList<>();
        for (String field : this.contacts.filledFields()) {
            fields.add(switch (field) {
                case "first_name" -> new Field("{{first_name|there}}", "First name");
                case "last_name" -> new Field("{{last_name}}", "Last name");
                case "city" -> new Field("{{city}}", "City");
                case "country" -> new Field("{{country}}", "Country");
                case "age" -> new Field("{{age}}", "Age");
                default -> new Field("{{" + field + "}}", field.substring(0, 1).toUpperCase() + field.substring(1));
            });
        }
        this.attributes.list()
            .forEach((a) -> fields.add(new Field("{{" + a.key() + "}}",
                    (a.label() != null && !a.label().isBlank()) ? a.label() : a.key())));
        // Each recipient's own code, when the campaign gives codes (see "Coupon codes").
        fields.add(new Field("{{coupon}}", "Coupon code"));
        Map<String, List<String>> lookAlikes = new java.util.TreeMap<>();
        SmsText.lookAlikes()
            .forEach((c, plain) -> lookAlikes.put(c,
                    List.of(plain, Character.getName(c.codePointAt(0)).toLowerCase(java.util.Locale.ROOT))));
        return new Facts(this.brands.defaultBrand().baseUrl().length() + ShortCodes.LENGTH,
                this.properties.optOutLineFor(null), JSON.writeValueAsString(lookAlikes), fields);
    }

}
