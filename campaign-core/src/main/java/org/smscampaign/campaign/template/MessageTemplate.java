package org.smscampaign.campaign.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message text with placeholders, parsed once and rendered per recipient:
 * {@code {{first_name|there}}} (a contact field or custom attribute, with a fallback),
 * {@code {{link:https://shop.example/sale}}} (one short link per recipient). Text outside
 * placeholders is kept as written.
 */
public final class MessageTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    private final List<Part> parts;

    private final List<String> links;

    private MessageTemplate(List<Part> parts, List<String> links) {
        this.parts = parts;
        this.links = links;
    }

    /** A piece of a template. */
    sealed interface Part {

    }

    record Text(String text) implements Part {

    }

    record Field(String name, String fallback) implements Part {

    }

    record Link(int index) implements Part {

    }

    /**
     * Parses a template.
     * @throws IllegalArgumentException naming the placeholder at fault
     */
    public static MessageTemplate parse(String template) {
        List<Part> parts = new ArrayList<>();
        List<String> links = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        int at = 0;
        while (matcher.find()) {
            if (matcher.start() > at) {
                parts.add(new Text(template.substring(at, matcher.start())));
            }
            String inside = matcher.group(1);
            if (inside.toLowerCase(Locale.ROOT).startsWith("link:")) {
                String target = inside.substring("link:".length()).strip();
                if (target.isEmpty()) {
                    throw new IllegalArgumentException("{{link:}} needs the address to link to");
                }
                parts.add(new Link(links.size()));
                links.add(target);
            }
            else {
                int bar = inside.indexOf('|');
                String name = ((bar >= 0) ? inside.substring(0, bar) : inside).strip().toLowerCase(Locale.ROOT);
                if (!name.matches("[a-z][a-z0-9_.-]{0,63}")) {
                    throw new IllegalArgumentException("{{" + inside + "}} is not a field name");
                }
                parts.add(new Field(name, (bar >= 0) ? inside.substring(bar + 1).strip() : ""));
            }
            at = matcher.end();
        }
        if (at < template.length()) {
            parts.add(new Text(template.substring(at)));
        }
        if (template.contains("{{") && parts.stream().noneMatch((p) -> !(p instanceof Text))
                || parts.stream().anyMatch((p) -> p instanceof Text t && t.text().contains("{{"))) {
            throw new IllegalArgumentException("A placeholder is not closed with }}");
        }
        return new MessageTemplate(List.copyOf(parts), List.copyOf(links));
    }

    /** The link targets, in the order they appear. */
    public List<String> links() {
        return this.links;
    }

    /** The field names used. */
    public List<String> fields() {
        return this.parts.stream().filter(Field.class::isInstance).map((p) -> ((Field) p).name()).distinct().toList();
    }

    /** A rendered text, and whether a field fell back for want of a value. */
    public record Rendered(String text, boolean fellBack) {

    }

    /**
     * Renders for one recipient.
     * @param fields a field's value for this recipient (null or blank: the fallback)
     * @param links the short link for each link of the template, by index
     */
    public Rendered render(Function<String, String> fields, List<String> links) {
        StringBuilder text = new StringBuilder(160);
        boolean fellBack = false;
        for (Part part : this.parts) {
            if (part instanceof Text plain) {
                text.append(plain.text());
            }
            else if (part instanceof Field field) {
                String value = fields.apply(field.name());
                if (value == null || value.isBlank()) {
                    text.append(field.fallback());
                    fellBack = true;
                }
                else {
                    text.append(value.strip());
                }
            }
            else {
                text.append(links.get(((Link) part).index()));
            }
        }
        return new Rendered(text.toString(), fellBack);
    }

    /** The words of the text outside placeholders (how much context a link gets). */
    public int plainWords() {
        int words = 0;
        for (Part part : this.parts) {
            if (part instanceof Text plain) {
                for (String word : plain.text().split("[^\\p{L}\\p{N}]+")) {
                    words += word.isEmpty() ? 0 : 1;
                }
            }
        }
        return words;
    }

}
