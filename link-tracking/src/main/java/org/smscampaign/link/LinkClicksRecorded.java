package org.smscampaign.link;

import java.util.List;

/**
 * Hits on recipient links were recorded, with their classification: one event per written
 * batch (thousands of hits a second), each hit as a {@link LinkClicked}.
 */
public record LinkClicksRecorded(List<LinkClicked> clicks) {

}
