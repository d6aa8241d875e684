package dev.uip.gateway.account.domain;

import java.util.List;

/**
 * A session just opened or looked at: the user, the workspace it acts in (null when the user belongs to none), all the
 * user's workspaces, the session's CSRF token and, when just opened, the cookie value (else null).
 */
public record SignedIn(User user, Membership current, List<Membership> workspaces, String csrfToken, String cookie) {
}
