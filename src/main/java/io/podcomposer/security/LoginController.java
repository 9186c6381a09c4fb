package io.podcomposer.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;

/** The sign-in page; Spring Security takes the form's POST. */
@Controller
class LoginController {

	/**
	 * @param retryAfter seconds to wait, when {@link LoginThrottleFilter} refused the
	 * form
	 */
	@GetMapping("/login")
	String login(@RequestAttribute(name = LoginThrottleFilter.RETRY_AFTER, required = false) String retryAfter,
			HttpServletResponse response, Model model) {
		if (retryAfter != null) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("retryAfter", retryAfter);
		}
		return "login";
	}

}
