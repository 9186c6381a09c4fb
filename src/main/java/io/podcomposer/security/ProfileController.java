package io.podcomposer.security;

import java.util.function.Function;

import io.podcomposer.security.AccountService.IssuedToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's own page: name, roles and API tokens. A new token's value travels to the
 * page once, as a flash attribute, so a reload no longer shows it.
 */
@Controller
class ProfileController {

	private final AccountService accounts;

	ProfileController(AccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/profile")
	String profile(Authentication caller, Model model) {
		model.addAttribute("name", caller.getName());
		model.addAttribute("roles", Role.granted(caller));
		model.addAttribute("tokens", this.accounts.tokens(caller.getName()));
		return "profile";
	}

	@PostMapping("/profile/tokens")
	String createToken(@RequestParam(defaultValue = "") String tokenName, Authentication caller,
			RedirectAttributes flash) {
		issueToken(flash, tokenName, (name) -> this.accounts.createToken(caller.getName(), name));
		return "redirect:/profile";
	}

	/**
	 * Issues a token and flashes it for its one showing, or flashes the refusal with the name that
	 * was typed; the admin's page of a user issues tokens the same way.
	 */
	static void issueToken(RedirectAttributes flash, String tokenName, Function<String, IssuedToken> issue) {
		boolean issued = PageProblem.flash(flash, "token", () -> {
			flash.addFlashAttribute("issued", issue.apply(tokenName));
			return null;
		});
		if (!issued) {
			flash.addFlashAttribute("tokenName", tokenName);
		}
	}

	@PostMapping("/profile/tokens/{id}/revoke")
	String revokeToken(@PathVariable long id, Authentication caller, RedirectAttributes flash) {
		PageProblem.flash(flash, "tokens", () -> {
			this.accounts.revokeToken(caller.getName(), id);
			return "The token is revoked: it no longer signs anything in.";
		});
		return "redirect:/profile";
	}

}
