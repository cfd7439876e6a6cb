package org.smscampaign.web.bulkhead;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler whose reads can be heavy: segment counts and previews, dashboards,
 * reports, exports. Such handlers share a bounded number of database connections (see
 * {@link ExpensiveReadsProperties}), so a crowd of them cannot take the connections that
 * redirects, webhooks and sending need; a request over the bound waits a moment for its
 * turn, then gets 429 with Retry-After.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ExpensiveRead {

}
