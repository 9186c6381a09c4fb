package io.podcomposer.security;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a page session whose user has since been disabled, deleted or given other roles. A session
 * keeps what its user had when signing in; without this check it would go on with that until it
 * times out. (API calls need none: each one looks its token's user up.)
 */
class SessionUserCheck extends OncePerRequestFilter {

	private static final String ROLE_PREFIX = "ROLE_";

	private final UserAccountRepository users;

	SessionUserCheck(UserAccountRepository users) {
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (signedIn instanceof UsernamePasswordAuthenticationToken && !stillHolds(signedIn)) {
			// the request goes on signed out: the login page for a page, as for any stranger
			new SecurityContextLogoutHandler().logout(request, response, signedIn);
		}
		chain.doFilter(request, response);
	}

	private boolean stillHolds(Authentication signedIn) {
		// roles only: signing in adds other authorities, as FACTOR_PASSWORD
		Set<String> roles = signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority.startsWith(ROLE_PREFIX))
			.collect(Collectors.toSet());
		return this.users.findByName(signedIn.getName())
			.filter(UserAccount::isEnabled)
			.map((user) -> user.getRoles().stream().map(Role::authority).collect(Collectors.toSet()).equals(roles))
			.orElse(false);
	}

}
