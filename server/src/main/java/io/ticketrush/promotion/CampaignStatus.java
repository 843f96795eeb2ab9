package io.ticketrush.promotion;

/** Where a campaign stands in time: claims are accepted only while ACTIVE. */
public enum CampaignStatus {
    SCHEDULED, ACTIVE, ENDED
}
