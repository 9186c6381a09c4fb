package io.podcomposer.security;

import java.util.List;

import io.podcomposer.security.AccountService.IssuedToken;
import io.podcomposer.security.AccountService.TokenView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The caller and their own API tokens: {@code /api/v1/me} and {@code /api/v1/tokens}. */
@RestController
@Tag(name = "Account", description = "Who you are, and your API tokens")
class MeApiController {

	private final AccountService accounts;

	MeApiController(AccountService accounts) {
		this.accounts = accounts;
	}

	/** The caller: name and the roles granted, without the ones the hierarchy implies. */
	record Me(String name, List<Role> roles) {
	}

	@Operation(summary = "Who the token belongs to")
	@GetMapping("/api/v1/me")
	Me me(Authentication caller) {
		return new Me(caller.getName(), Role.granted(caller));
	}

	@Operation(summary = "Your tokens", description = "Names and dates only: a token's value is never shown again.")
	@GetMapping("/api/v1/tokens")
	List<TokenView> tokens(Authentication caller) {
		return this.accounts.tokens(caller.getName());
	}

	@Operation(summary = "Create a token",
			description = "The answer holds the token's value: the only time it is shown.")
	@PostMapping("/api/v1/tokens")
	ResponseEntity<IssuedToken> create(@RequestBody TokenRequest request, Authentication caller) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.accounts.createToken(caller.getName(), request.name()));
	}

	@Operation(summary = "Revoke one of your tokens", description = "Another user's token is not found (404).")
	@DeleteMapping("/api/v1/tokens/{id}")
	ResponseEntity<Void> revoke(@PathVariable long id, Authentication caller) {
		this.accounts.revokeToken(caller.getName(), id);
		return ResponseEntity.noContent().build();
	}

}
