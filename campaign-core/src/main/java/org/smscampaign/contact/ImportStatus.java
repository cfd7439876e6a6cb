package org.smscampaign.contact;

/** The life of an import: uploaded, waiting, running, then completed or failed. */
public enum ImportStatus {

    UPLOADED, QUEUED, RUNNING, COMPLETED, FAILED;

    public boolean finished() {
        return this == COMPLETED || this == FAILED;
    }

}
