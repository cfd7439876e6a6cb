package org.smscampaign.web.segment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.smscampaign.contact.ContactCriteria;

/** A segment as the REST API takes it. */
record SegmentRequest(@NotBlank @Size(max = 100) String name, @Size(max = 500) String description,
        @NotNull ContactCriteria rule) {

}
