package io.podcomposer.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import io.podcomposer.system.FieldProblem;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * What a user may do. Each role includes the ones before it: an EDITOR is also a VIEWER,
 * and an ADMIN is everything.
 */
public enum Role {

	VIEWER("reads templates and deployments, renders and validates"),
	EDITOR("creates, changes, imports and deletes templates"),
	DEPLOYER("deploys to clusters, reads pod logs and deletes deployments"),
	ADMIN("manages clusters, users, the audit log and the starter catalog");

	private final String adds;

	Role(String adds) {
		this.adds = adds;
	}

	public String authority() {
		return "ROLE_" + name();
	}

	/**
	 * What this role may do that the one before it may not, as "deploys to clusters, …".
	 */
	public String adds() {
		return this.adds;
	}

	/**
	 * One line on what the role may do, for the user form: "Also deploys to clusters, …".
	 */
	public String description() {
		return (this == VIEWER) ? Character.toUpperCase(this.adds.charAt(0)) + this.adds.substring(1) + "."
				: "Also " + this.adds + ".";
	}

	/** "a VIEWER", "an EDITOR". */
	public String withArticle() {
		return (name().startsWith("E") || name().startsWith("A") ? "an " : "a ") + name();
	}

	/** The role that includes all the others given; null for none. */
	public static Role highest(Collection<Role> roles) {
		return roles.stream().max(Comparator.naturalOrder()).orElse(null);
	}

	/**
	 * The roles a signed-in caller was granted, in order; the hierarchy does not add to
	 * them.
	 */
	static List<Role> granted(Authentication authentication) {
		List<String> authorities = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.toList();
		return Arrays.stream(values()).filter((role) -> authorities.contains(role.authority())).toList();
	}

	/**
	 * The roles a request names (null stays null: no change). Names come from clients and
	 * forms, so an unknown one is refused with its place in the list rather than failing
	 * the whole read.
	 */
	static List<Role> fromNames(List<String> names) {
		if (names == null) {
			return null;
		}
		List<Role> roles = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i);
			String path = "roles[" + i + "]";
			roles.add(Arrays.stream(values())
				.filter((role) -> role.name().equals(name))
				.findFirst()
				.orElseThrow(() -> new AccountException(new FieldProblem(path,
						"unknown role \"" + name + "\"; roles are VIEWER, EDITOR, DEPLOYER and ADMIN", "enum"))));
		}
		return roles;
	}

}
