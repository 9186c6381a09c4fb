package io.podcomposer.security;

import java.util.List;
import java.util.Objects;

import io.podcomposer.security.AccountService.IssuedToken;
import io.podcomposer.security.AccountService.UserView;
import io.podcomposer.system.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Users, for admins: {@code /api/v1/users}. Refusals come back as problems through
 * {@link AccountException}.
 */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Users, their roles and tokens issued for them (ADMIN)")
class UsersApiController {

	private final AccountService accounts;

	UsersApiController(AccountService accounts) {
		this.accounts = accounts;
	}

	@Operation(summary = "All users, by name")
	@GetMapping
	List<UserView> users() {
		return this.accounts.users();
	}

	@Operation(summary = "One user")
	@GetMapping("/{name}")
	UserView user(@PathVariable String name) {
		return this.accounts.user(name);
	}

	@Operation(summary = "Create a user",
			description = "A new user is enabled. Taken name: 409; "
					+ "invalid name, short password, no or unknown roles: 422.")
	@PostMapping
	ResponseEntity<UserView> create(@RequestBody UserRequest request) {
		UserView user = this.accounts.create(request.name(), request.password(), Role.fromNames(request.roles()));
		return ResponseEntity
			.created(UriComponentsBuilder.fromPath("/api/v1/users/{name}").buildAndExpand(user.name()).encode().toUri())
			.body(user);
	}

	@Operation(summary = "Change a user's password, roles or enabled flag",
			description = "What the body leaves out stays as it is. Leaving no enabled admin: 409.")
	@PutMapping("/{name}")
	UserView update(@PathVariable String name, @RequestBody UserRequest request) {
		if (request.name() != null && !Objects.equals(request.name(), name)) {
			throw new AccountException(new FieldProblem("name",
					"users cannot be renamed: the name must be the one in the path", "immutable"));
		}
		return this.accounts.update(name, request.password(), Role.fromNames(request.roles()), request.enabled());
	}

	@Operation(summary = "Delete a user and their tokens", description = "Yourself or the last enabled admin: 409.")
	@DeleteMapping("/{name}")
	ResponseEntity<Void> delete(@PathVariable String name) {
		this.accounts.delete(name);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Issue a token for a user",
			description = "For automation. The answer holds the token's value: the only time it is shown.")
	@PostMapping("/{name}/tokens")
	ResponseEntity<IssuedToken> issueToken(@PathVariable String name, @RequestBody TokenRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.accounts.createToken(name, request.name()));
	}

}
