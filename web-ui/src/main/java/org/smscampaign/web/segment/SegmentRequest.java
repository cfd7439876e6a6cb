package org.smscampaign.web.segment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.smscampaign.contact.ContactCriteria;

/** A segment as the REST API takes it. */
record SegmentRequest(
        @NotBlank(message = "Give the segment a name.") @Size(max = 100,
                message = "Name must be at most {max} characters.") String name,
        @Size(max = 500, message = "Description must be at most {max} characters.") String description,
        @NotNull(message = "Give the segment a rule.") ContactCriteria rule) {

}
