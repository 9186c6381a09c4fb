package io.podcomposer.security;

import java.io.Serializable;
import java.util.function.Supplier;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A change asked for on an account page and refused: the page shows it next to the form
 * it came from, which {@code form} names.
 */
public record PageProblem(String form, String message) implements Serializable {

	/**
	 * Makes a change for a redirect-after-post: flashes the notice it returns (none when
	 * null), or its refusal for {@code form}, so that a refusal is a message on the page
	 * and never an error page.
	 * @return whether the change was made
	 */
	static boolean flash(RedirectAttributes flash, String form, Supplier<String> change) {
		try {
			String notice = change.get();
			if (notice != null) {
				flash.addFlashAttribute("notice", notice);
			}
			return true;
		}
		catch (AccountException ex) {
			flash.addFlashAttribute("problem", new PageProblem(form, ex.getMessage()));
			return false;
		}
	}

}
