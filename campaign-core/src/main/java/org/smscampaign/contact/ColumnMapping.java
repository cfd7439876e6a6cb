package org.smscampaign.contact;

/**
 * Where one CSV column goes.
 *
 * @param column zero-based index of the column in the file
 * @param target the contact field, a custom attribute, or nothing
 * @param attributeKey for {@link ColumnTarget#CUSTOM}: the attribute key (created if new)
 * @param attributeType for {@link ColumnTarget#CUSTOM}: the attribute's type
 */
public record ColumnMapping(int column, ColumnTarget target, String attributeKey, CustomAttributeType attributeType) {

    public static ColumnMapping of(int column, ColumnTarget target) {
        return new ColumnMapping(column, target, null, null);
    }

}
