package io.podcomposer.security;

import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * Ends a user's browser sessions when what they were signed in with stops holding: a new
 * password, other roles, a disabled or deleted account. Their next request goes to the login page.
 */
@Component
class UserSessions {

	private final SessionRegistry registry;

	UserSessions(SessionRegistry registry) {
		this.registry = registry;
	}

	void end(String userName) {
		this.registry.getAllPrincipals().stream()
			.filter((principal) -> principal instanceof UserDetails details && details.getUsername().equals(userName))
			.flatMap((principal) -> this.registry.getAllSessions(principal, false).stream())
			.forEach((session) -> session.expireNow());
	}

}
