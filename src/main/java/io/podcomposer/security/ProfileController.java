package io.podcomposer.security;

import java.util.function.Function;
import java.util.function.Supplier;

import io.podcomposer.security.AccountService.IssuedToken;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import io.podcomposer.system.FieldProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's own page: name, role, password and API tokens. A new token's value
 * is shown once, in the answer to the request that issued it, and kept nowhere.
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
		model.addAttribute("role", Role.highest(Role.granted(caller)));
		model.addAttribute("tokens", this.accounts.tokens(caller.getName()));
		return "profile";
	}

	@PostMapping("/profile/tokens")
	String createToken(@RequestParam(defaultValue = "") String tokenName, Authentication caller, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		return issueToken(tokenName, (name) -> this.accounts.createToken(caller.getName(), name), model, flash,
				response, () -> profile(caller, model), "redirect:/profile");
	}

	/**
	 * Issues a token and answers the page with it at once. The value is never put in the
	 * session: sessions live in the database, and a token must not rest anywhere in
	 * clear. A refusal goes back to the page with the name that was typed. The admin's
	 * page of a user issues tokens the same way.
	 * @param page the page, its model filled in, for the new token's one showing
	 * @param back where a refusal is shown
	 */
	static String issueToken(String tokenName, Function<String, IssuedToken> issue, Model model,
			RedirectAttributes flash, HttpServletResponse response, Supplier<String> page, String back) {
		IssuedToken issued;
		try {
			issued = issue.apply(tokenName);
		}
		catch (AccountException ex) {
			flash.addFlashAttribute("problem", new PageProblem("token", ex.getMessage()));
			flash.addFlashAttribute("tokenName", tokenName);
			return back;
		}
		model.addAttribute("issued", issued);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		return page.get();
	}

	/** The new password is typed twice, so that a typo does not lock its owner out. */
	@PostMapping("/profile/password")
	String changePassword(@RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword,
			@RequestParam(defaultValue = "") String repeatedPassword, Authentication caller, HttpSession session,
			RedirectAttributes flash) {
		PageProblem.flash(flash, "password", () -> {
			if (!newPassword.equals(repeatedPassword)) {
				throw new AccountException(new FieldProblem("repeatedPassword",
						"the new password and its repetition differ: type the same twice", "mismatch"));
			}
			this.accounts.changeOwnPassword(caller.getName(), currentPassword, newPassword, session.getId());
			return "Password changed. Your other browser sessions are signed out; your API tokens keep working.";
		});
		return "redirect:/profile";
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
