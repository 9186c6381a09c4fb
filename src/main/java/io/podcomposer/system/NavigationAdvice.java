package io.podcomposer.system;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the layout which part of the portal a page belongs to, for the top bar. */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

	@ModelAttribute("navSection")
	String navSection(HttpServletRequest request) {
		String path = request.getRequestURI();
		if (path.startsWith("/admin")) {
			return "admin";
		}
		if (path.startsWith("/deployments")) {
			return "deployments";
		}
		if (path.startsWith("/templates")) {
			return "templates";
		}
		if (path.startsWith("/clusters")) {
			return "clusters";
		}
		if (path.startsWith("/profile")) {
			return "profile";
		}
		return "compose";
	}

}
