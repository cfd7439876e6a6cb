package org.smscampaign.web.alert;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The navbar's bell: the signed-in user's unread alerts (the layout calls it). */
@Component("notificationBell")
class NotificationBell {

    private final ReadMarks marks;

    NotificationBell(ReadMarks marks) {
        this.marks = marks;
    }

    /** Unread alerts of the signed-in user; 0 for anyone else. */
    public long unread() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
            return 0;
        }
        return this.marks.unread(user.getName());
    }

}
