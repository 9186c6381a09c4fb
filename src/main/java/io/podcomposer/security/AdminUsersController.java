package io.podcomposer.security;

import java.io.Serializable;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import io.podcomposer.system.DomainException;
import io.podcomposer.system.FieldProblem;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin pages for users: the list with a form for a new user, and a page per user to
 * change the role, reset the password, disable, delete and issue tokens. Every change
 * redirects back with a notice, or with the refusal shown next to its form.
 */
@Controller
@RequestMapping("/admin/users")
class AdminUsersController {

	private static final String LIST = "redirect:/admin/users";

	/**
	 * The user's own page; RedirectView fills in and encodes {name} from the request's
	 * path.
	 */
	private static final String USER = "redirect:/admin/users/{name}";

	private final AccountService accounts;

	AdminUsersController(AccountService accounts) {
		this.accounts = accounts;
	}

	/** What a refused new-user form held, to fill it in again; never the password. */
	public record Draft(String name, String role) implements Serializable {
	}

	@GetMapping
	String users(Model model) {
		model.addAttribute("users", this.accounts.users());
		model.addAttribute("allRoles", Role.values());
		return "admin/users";
	}

	/**
	 * role: the highest role, which includes the ones below it; the user is given it
	 * alone.
	 */
	@PostMapping
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String password,
			@RequestParam(required = false) String role, RedirectAttributes flash) {
		boolean created = PageProblem.flash(flash, "create",
				() -> "User " + this.accounts.create(name, password, chosen(role)).name() + " created.");
		if (!created) {
			flash.addFlashAttribute("draft", new Draft(name, role));
		}
		return LIST;
	}

	@GetMapping("/{name}")
	String user(@PathVariable String name, Model model, RedirectAttributes flash) {
		try {
			model.addAttribute("user", this.accounts.user(name));
			model.addAttribute("tokens", this.accounts.tokens(name));
		}
		catch (AccountException ex) {
			flash.addFlashAttribute("problem", new PageProblem("list", ex.getMessage()));
			return LIST;
		}
		model.addAttribute("allRoles", Role.values());
		return "admin/user";
	}

	@PostMapping("/{name}/roles")
	String role(@PathVariable String name, @RequestParam(required = false) String role, RedirectAttributes flash) {
		PageProblem.flash(flash, "roles", () -> {
			List<Role> roles = chosen(role);
			// a user given VIEWER and EDITOR through the API is an EDITOR already:
			// nothing to change, no sessions to end
			if (roles.get(0) == this.accounts.user(name).highestRole()) {
				return "No change: " + name + " is " + roles.get(0).withArticle() + " already.";
			}
			this.accounts.update(name, null, roles, null);
			return "Role saved: " + name + " is now " + roles.get(0).withArticle() + ".";
		});
		return USER;
	}

	/** The one role a form's radio buttons chose. */
	private static List<Role> chosen(String role) {
		if (role == null || role.isEmpty()) {
			throw new AccountException(
					new FieldProblem("role", "choose a role: VIEWER, EDITOR, DEPLOYER or ADMIN", "required"));
		}
		return Role.fromNames(List.of(role));
	}

	@PostMapping("/{name}/password")
	String password(@PathVariable String name, @RequestParam(defaultValue = "") String password,
			RedirectAttributes flash) {
		PageProblem.flash(flash, "password", () -> {
			// the service takes an empty password as "unchanged"; here it was asked for
			if (password.isEmpty()) {
				throw new AccountException(DomainException.Kind.INVALID, "enter the new password");
			}
			this.accounts.update(name, password, null, null);
			return "Password reset; the account is unlocked.";
		});
		return USER;
	}

	@PostMapping("/{name}/enabled")
	String enabled(@PathVariable String name, @RequestParam boolean enabled, RedirectAttributes flash) {
		PageProblem.flash(flash, "enabled", () -> {
			this.accounts.update(name, null, null, enabled);
			return enabled ? "User enabled." : "User disabled: they can no longer sign in or use their tokens.";
		});
		return USER;
	}

	@PostMapping("/{name}/delete")
	String delete(@PathVariable String name, RedirectAttributes flash) {
		boolean deleted = PageProblem.flash(flash, "delete", () -> {
			this.accounts.delete(name);
			return "User " + name + " deleted, with their tokens.";
		});
		return deleted ? LIST : USER;
	}

	@PostMapping("/{name}/tokens")
	String issueToken(@PathVariable String name, @RequestParam(defaultValue = "") String tokenName, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		return ProfileController.issueToken(tokenName, (token) -> this.accounts.createToken(name, token), model, flash,
				response, () -> user(name, model, flash), USER);
	}

	@PostMapping("/{name}/tokens/{id}/revoke")
	String revokeToken(@PathVariable String name, @PathVariable long id, RedirectAttributes flash) {
		PageProblem.flash(flash, "tokens", () -> {
			this.accounts.revokeToken(name, id);
			return "The token is revoked.";
		});
		return USER;
	}

}
