package io.podcomposer.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.podcomposer.system.FieldProblem;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * What a user may do. Each role includes the ones before it: an EDITOR is also a VIEWER, and an
 * ADMIN is everything.
 */
public enum Role {

	/** Read templates, render, validate. */
	VIEWER,
	/** And write templates. */
	EDITOR,
	/** And deploy, and delete deployments. */
	DEPLOYER,
	/** And clusters, users and the audit log. */
	ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

	/** The roles a signed-in caller was granted, in order; the hierarchy does not add to them. */
	static List<Role> granted(Authentication authentication) {
		List<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
		return Arrays.stream(values()).filter((role) -> authorities.contains(role.authority())).toList();
	}

	/**
	 * The roles a request names (null stays null: no change). Names come from clients and forms,
	 * so an unknown one is refused with its place in the list rather than failing the whole read.
	 */
	static List<Role> fromNames(List<String> names) {
		if (names == null) {
			return null;
		}
		List<Role> roles = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i);
			String path = "roles[" + i + "]";
			roles.add(Arrays.stream(values()).filter((role) -> role.name().equals(name)).findFirst()
				.orElseThrow(() -> new AccountException(new FieldProblem(path,
						"unknown role \"" + name + "\"; roles are VIEWER, EDITOR, DEPLOYER and ADMIN", "enum"))));
		}
		return roles;
	}

}
