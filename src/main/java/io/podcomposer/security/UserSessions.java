package io.podcomposer.security;

import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * Ends a user's browser sessions when what they were signed in with stops holding: a new
 * password, other roles, a disabled or deleted account. Their next request goes to the
 * login page.
 */
@Component
class UserSessions {

	private final SessionRegistry registry;

	UserSessions(SessionRegistry registry) {
		this.registry = registry;
	}

	void end(String userName) {
		// the registry finds a user's sessions by name, on whichever replica they were
		// made
		this.registry.getAllSessions(userName, false).forEach((session) -> session.expireNow());
	}

	/**
	 * Ends all but one: the user changed their own password in that one, and stays signed
	 * in there.
	 */
	void endOthers(String userName, String keptSessionId) {
		this.registry.getAllSessions(userName, false)
			.stream()
			.filter((session) -> !session.getSessionId().equals(keptSessionId))
			.forEach((session) -> session.expireNow());
	}

}
