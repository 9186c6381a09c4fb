package io.podcomposer.security;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Which role a refused request needed, so that the refusal can say so. The answer comes
 * from the chain's own rules ({@link AccessRules}), asked again as each role in turn,
 * rather than from a second table that could drift from them.
 */
final class RequiredRole {

	private AuthorizationManager<HttpServletRequest> rules;

	/**
	 * Takes the rules of a chain once it is built (they exist only then); answers the
	 * chain.
	 */
	SecurityFilterChain readRulesOf(SecurityFilterChain chain) {
		this.rules = chain.getFilters()
			.stream()
			.filter(AuthorizationFilter.class::isInstance)
			.map((filter) -> ((AuthorizationFilter) filter).getAuthorizationManager())
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("the chain has no rules of who may call what"));
		return chain;
	}

	/**
	 * The least role the rules let make this request; empty when no role may (no such
	 * page).
	 */
	Optional<Role> of(HttpServletRequest request) {
		for (Role role : Role.values()) {
			Authentication probe = UsernamePasswordAuthenticationToken.authenticated(role.name(), null,
					List.of(new SimpleGrantedAuthority(role.authority())));
			AuthorizationResult result = this.rules.authorize(() -> probe, request);
			if (result != null && result.isGranted()) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

}
