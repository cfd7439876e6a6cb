package org.smscampaign.contact.imports;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.smscampaign.contact.ColumnTarget;

/**
 * Suggests where each column goes from its header, in the spellings of common exports and
 * several languages ("Mobile", "Vorname", "E-Mail", "Date of birth"). Each target is
 * suggested once at most; anything unrecognised is ignored until the user says otherwise.
 */
public final class ColumnSuggestions {

    private static final Map<String, ColumnTarget> NAMES = new HashMap<>();

    static {
        names(ColumnTarget.PHONE, "phone", "phonenumber", "phoneno", "mobile", "mobilenumber", "mobilephone", "cell",
                "cellphone", "msisdn", "number", "tel", "telephone", "telefon", "telefonnummer", "handy", "handynummer",
                "mobil", "mobilnummer", "portable", "numero", "telephonenumber", "smsnumber");
        names(ColumnTarget.FIRST_NAME, "firstname", "first", "givenname", "forename", "vorname", "prenom", "nombre");
        names(ColumnTarget.LAST_NAME, "lastname", "last", "surname", "familyname", "nachname", "nom", "apellido");
        names(ColumnTarget.EMAIL, "email", "emailaddress", "mail", "emailadresse", "courriel");
        names(ColumnTarget.CITY, "city", "town", "ort", "stadt", "ville", "ciudad", "wohnort");
        names(ColumnTarget.REGION, "region", "state", "province", "county", "bundesland", "stateprovince", "provincia");
        names(ColumnTarget.COUNTRY, "country", "countrycode", "land", "pays", "pais");
        names(ColumnTarget.GENDER, "gender", "sex", "geschlecht", "genre", "sexe");
        names(ColumnTarget.BIRTH_DATE, "birthdate", "dateofbirth", "dob", "birthday", "geburtsdatum", "datedenaissance",
                "fechadenacimiento");
        names(ColumnTarget.LANGUAGE, "language", "lang", "sprache", "locale", "langue", "idioma");
        names(ColumnTarget.TIME_ZONE, "timezone", "tz", "zeitzone");
        names(ColumnTarget.TAGS, "tags", "tag", "interests", "interest", "interessen", "labels", "categories");
        names(ColumnTarget.PREFERRED_CHANNEL, "preferredchannel", "channel", "preferredchannels", "bevorzugterkanal",
                "kanal", "canal", "canalprefere");
        names(ColumnTarget.WHATSAPP_CONSENT, "whatsappoptin", "whatsappconsent", "whatsappoptedin", "optinwhatsapp",
                "whatsappeinwilligung", "whatsappconsentement");
    }

    private ColumnSuggestions() {
    }

    private static void names(ColumnTarget target, String... names) {
        for (String name : names) {
            NAMES.put(name, target);
        }
    }

    public static List<ColumnTarget> suggest(List<String> headers) {
        Set<ColumnTarget> used = EnumSet.noneOf(ColumnTarget.class);
        List<ColumnTarget> targets = new ArrayList<>(headers.size());
        for (String header : headers) {
            ColumnTarget target = NAMES.getOrDefault(simplify(header), ColumnTarget.IGNORE);
            if (target != ColumnTarget.IGNORE && !used.add(target)) {
                target = ColumnTarget.IGNORE;
            }
            targets.add(target);
        }
        return targets;
    }

    static String simplify(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "").replace("é", "e").replace("ñ", "n");
    }

}
