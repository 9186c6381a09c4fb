package io.podcomposer.security;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Why a signed-in caller was refused (403), in words for them: the role it needs and
 * theirs, or a form that lost its CSRF token. The error page shows it
 * ({@code error.html}); the API says the same in a problem's detail.
 *
 * @param title the headline, as "This needs the DEPLOYER role"
 * @param detail what the caller is and what to do about it
 */
public record Refusal(String title, String detail) {

	/** The request attribute that carries it to the error page. */
	static final String ATTRIBUTE = "refusal";

	private static final String NOT_ALLOWED = "Your role does not allow this.";

	static Refusal forPage(AccessDeniedException ex, Authentication caller, Optional<Role> needed) {
		if (ex instanceof CsrfException) {
			return new Refusal("This form has expired",
					"The page was open across a sign-out or the end of your session,"
							+ " so the form's security token no longer holds. Reload the page and try again.");
		}
		if (needed.isEmpty()) {
			return new Refusal("Nothing here", "No page or action of the portal answers this address.");
		}
		Role held = held(caller);
		if (!lacks(held, needed.get())) {
			return new Refusal("This request was refused", NOT_ALLOWED);
		}
		Role role = needed.get();
		return new Refusal("This needs the " + role + " role",
				"You are signed in as " + caller.getName() + ", " + held.withArticle() + ". "
						+ capitalized(role.withArticle()) + " also " + role.adds() + ". Ask an admin for the role.");
	}

	static String forApi(Authentication caller, Optional<Role> needed) {
		Role held = held(caller);
		if (needed.isEmpty() || !lacks(held, needed.get())) {
			return NOT_ALLOWED;
		}
		return "This needs the " + needed.get() + " role; " + caller.getName() + " is " + held.withArticle() + ".";
	}

	private static Role held(Authentication caller) {
		return (caller != null) ? Role.highest(Role.granted(caller)) : null;
	}

	/**
	 * Whether the role is what stood in the way; if the caller has it, something else
	 * refused.
	 */
	private static boolean lacks(Role held, Role needed) {
		return held != null && held.compareTo(needed) < 0;
	}

	private static String capitalized(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
