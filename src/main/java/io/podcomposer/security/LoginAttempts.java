package io.podcomposer.security;

import java.time.Duration;

import io.podcomposer.security.AuditEntry.Outcome;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Failed logins: the tenth in a row locks the account for 15 minutes, even for the right
 * password ({@link AccountDetailsService} counts each attempt before its password is
 * checked). Every failure also counts against the client's address
 * ({@link ClientThrottle}). Every login, failure, refusal and lock is audited. No
 * transaction spans these steps: one holding the account's row while the audit log takes
 * a connection of its own would, in a burst, leave the parallel attempts waiting for that
 * row holding every connection of the pool.
 */
@Component
class LoginAttempts {

	static final Duration LOCKOUT = Duration.ofMinutes(15);

	private final UserAccountRepository users;

	private final AccountService accounts;

	private final AuditLog audit;

	private final ClientThrottle throttle;

	LoginAttempts(UserAccountRepository users, AccountService accounts, AuditLog audit, ClientThrottle throttle) {
		this.users = users;
		this.accounts = accounts;
		this.audit = audit;
		this.throttle = throttle;
	}

	@EventListener
	public void succeeded(AuthenticationSuccessEvent event) {
		if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)) {
			return;
		}
		String name = event.getAuthentication().getName();
		this.users.loginSucceeded(name);
		this.audit.record(name, "LOGIN", name, Outcome.SUCCESS, null);
	}

	@EventListener
	public void failed(AbstractAuthenticationFailureEvent event) {
		if (event.getException() instanceof AuthenticationServiceException) {
			// the portal failed (its database was busy), not the person: answered 503,
			// not counted
			return;
		}
		String name = String.valueOf(event.getAuthentication().getPrincipal());
		if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
			this.throttle.failed(details.getRemoteAddress());
		}
		if (!(event instanceof AuthenticationFailureBadCredentialsEvent)) {
			// locked or disabled: refused before the password was looked at
			this.audit.record(name, "LOGIN_FAILED", name, Outcome.DENIED, event.getException().getMessage());
			return;
		}
		this.users.findByName(name).ifPresentOrElse((user) -> {
			this.audit.record(name, "LOGIN_FAILED", name, Outcome.FAILURE, "bad credentials");
			this.accounts.lockAfterFailedLogins(name, LOCKOUT);
			// What was typed is not kept: people type their password into the name field.
		}, () -> this.audit.record(AuditLog.SYSTEM, "LOGIN_FAILED", null, Outcome.FAILURE, "unknown user name"));
	}

	@EventListener
	public void loggedOut(LogoutSuccessEvent event) {
		String name = event.getAuthentication().getName();
		this.audit.record(name, "LOGOUT", name, Outcome.SUCCESS, null);
	}

}
