package io.podcomposer.security;

import java.time.Clock;
import java.time.Instant;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users for form login, with their roles, and locked while a lockout lasts. Each attempt
 * is counted here, before its password is checked, in one step per account: of a burst of
 * parallel attempts only the first {@link UserAccount#MAX_FAILED_LOGINS} are checked, the
 * rest are refused as locked, whatever their password (see {@link LoginAttempts}).
 */
@Service
class AccountDetailsService implements UserDetailsService {

	private final UserAccountRepository users;

	private final Clock clock;

	AccountDetailsService(UserAccountRepository users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	@Override
	@Transactional
	public UserDetails loadUserByUsername(String name) {
		Instant now = this.clock.instant();
		this.users.endLockout(name, now);
		this.users.countLoginAttempt(name);
		UserAccount user = this.users.findByName(name).orElseThrow(() -> new UsernameNotFoundException(name));
		boolean locked = user.isLocked(now) || user.getFailedLogins() > UserAccount.MAX_FAILED_LOGINS;
		return User.withUsername(user.getName())
			.password(user.getPasswordHash())
			.authorities(user.getRoles().stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList())
			.disabled(!user.isEnabled())
			.accountLocked(locked)
			.build();
	}

}
