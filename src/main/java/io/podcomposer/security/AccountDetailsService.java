package io.podcomposer.security;

import java.time.Clock;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users for form login, with their roles, and locked while a lockout lasts. */
@Service
class AccountDetailsService implements UserDetailsService {

	private final UserAccountRepository users;

	private final Clock clock;

	AccountDetailsService(UserAccountRepository users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String name) {
		UserAccount user = this.users.findByName(name).orElseThrow(() -> new UsernameNotFoundException(name));
		return User.withUsername(user.getName())
			.password(user.getPasswordHash())
			.authorities(user.getRoles().stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList())
			.disabled(!user.isEnabled())
			.accountLocked(user.isLocked(this.clock.instant()))
			.build();
	}

}
