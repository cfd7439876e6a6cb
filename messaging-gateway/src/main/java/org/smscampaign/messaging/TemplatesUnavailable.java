package org.smscampaign.messaging;

/**
 * The provider could not list the account's templates now (down, throttling, refusing our
 * credentials): asking again later may work.
 */
public class TemplatesUnavailable extends RuntimeException {

    public TemplatesUnavailable(Throwable cause) {
        super("The provider's templates cannot be listed right now (" + cause.getMessage() + "); try again shortly",
                cause);
    }

}
