package io.podcomposer.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /admin}, as one would type it: the admin pages start with the users. */
@Controller
class AdminHomeController {

	@GetMapping("/admin")
	String home() {
		return "redirect:/admin/users";
	}

}
