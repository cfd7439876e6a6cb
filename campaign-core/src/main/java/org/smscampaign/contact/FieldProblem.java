package org.smscampaign.contact;

/** Why one field of a contact was refused: the field, the value as given, the reason. */
public record FieldProblem(String field, String value, String reason) {

}
